package dev.rollgate.targeting.store;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.contracts.ruleset.UnreadableRulesetException;
import dev.rollgate.targeting.domain.BatchNeeds;
import dev.rollgate.targeting.domain.BatchWrites;
import dev.rollgate.targeting.domain.Segment;
import dev.rollgate.targeting.domain.StoredState;
import dev.rollgate.targeting.domain.WhitelistOp;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Targeting-service's side of the Redis key layout ({@link RedisKeys}). Called from the consumer's own
 * thread, so it blocks; each call is one pipelined round trip.
 */
@ApplicationScoped
public class RedisTargetingStore {

    private static final int SCAN_COUNT = 1_000;

    private final Redis redis;

    RedisTargetingStore(Redis redis) {
        this.redis = redis;
    }

    /** Reads, in one round trip, every ruleset, applied version and whitelist type a batch needs. */
    public StoredState load(BatchNeeds needs) {
        List<Request> requests = new ArrayList<>();
        List<Segment> segments = List.copyOf(needs.segments());
        for (Segment segment : segments) {
            requests.add(Request.cmd(Command.GET).arg(RedisKeys.ruleset(segment.appKey(), segment.platform())));
        }
        List<Map.Entry<String, List<String>>> streams = hashFields(needs.streamsByApp());
        for (Map.Entry<String, List<String>> app : streams) {
            requests.add(hmget(RedisKeys.appliedVersions(app.getKey()), app.getValue()));
        }
        List<Map.Entry<String, List<String>>> whitelists = hashFields(needs.whitelistsByApp());
        for (Map.Entry<String, List<String>> app : whitelists) {
            requests.add(hmget(RedisKeys.whitelistTypes(app.getKey()), app.getValue()));
        }
        List<Response> responses = requests.isEmpty() ? List.of() : redis.batchAndAwait(requests);

        int at = 0;
        Map<Segment, Ruleset> rulesets = new HashMap<>();
        for (Segment segment : segments) {
            Response json = responses.get(at++);
            if (json != null) {
                rulesets.put(segment, readRuleset(segment, json.toString()));
            }
        }
        Map<String, Long> applied = new HashMap<>();
        for (Map.Entry<String, List<String>> app : streams) {
            Response values = responses.get(at++);
            for (int i = 0; i < app.getValue().size(); i++) {
                Response value = values.get(i);
                if (value != null) {
                    applied.put(app.getKey() + '\n' + app.getValue().get(i), value.toLong());
                }
            }
        }
        Map<String, IdType> types = new HashMap<>();
        for (Map.Entry<String, List<String>> app : whitelists) {
            Response values = responses.get(at++);
            for (int i = 0; i < app.getValue().size(); i++) {
                Response value = values.get(i);
                if (value != null) {
                    types.put(app.getKey() + '\n' + app.getValue().get(i), IdType.valueOf(value.toString()));
                }
            }
        }
        return new StoredState() {
            @Override
            public Optional<Ruleset> ruleset(Segment segment) {
                return Optional.ofNullable(rulesets.get(segment));
            }

            @Override
            public long appliedVersion(String appKey, String streamId) {
                return applied.getOrDefault(appKey + '\n' + streamId, 0L);
            }

            @Override
            public Optional<IdType> whitelistType(String appKey, String whitelistId) {
                return Optional.ofNullable(types.get(appKey + '\n' + whitelistId));
            }
        };
    }

    /**
     * Writes a batch's results in one MULTI/EXEC, and announces each changed segment on the pub/sub
     * channel inside it, so that no gateway hears of a ruleset before it can read it.
     */
    public void write(BatchWrites writes) {
        if (writes.isEmpty()) {
            return;
        }
        List<Request> requests = new ArrayList<>();
        requests.add(Request.cmd(Command.MULTI));
        writes.rulesets().forEach((segment, ruleset) -> {
            requests.add(Request.cmd(Command.SET).arg(RedisKeys.ruleset(segment.appKey(), segment.platform()))
                    .arg(RulesetJson.write(ruleset)));
            requests.add(Request.cmd(Command.HSET).arg(RedisKeys.REVISIONS).arg(segment.name())
                    .arg(ruleset.revision()));
        });
        for (WhitelistOp op : writes.whitelistOps()) {
            requests.add(whitelistRequest(op));
            if (op instanceof WhitelistOp.Drop drop) {
                requests.add(Request.cmd(Command.HDEL).arg(RedisKeys.whitelistTypes(drop.appKey()))
                        .arg(drop.whitelistId()));
            }
        }
        if (!writes.registeredApps().isEmpty()) {
            Request add = Request.cmd(Command.SADD).arg(RedisKeys.KNOWN_APPS);
            writes.registeredApps().forEach(add::arg);
            requests.add(add);
        }
        writes.appliedVersions().forEach((app, versions) -> {
            Request hset = Request.cmd(Command.HSET).arg(RedisKeys.appliedVersions(app));
            versions.forEach((stream, version) -> hset.arg(stream).arg(version));
            requests.add(hset);
        });
        for (Segment segment : writes.rulesets().keySet()) {
            requests.add(Request.cmd(Command.PUBLISH).arg(RedisKeys.SEGMENT_CHANGED_CHANNEL).arg(segment.name()));
        }
        requests.add(Request.cmd(Command.EXEC));
        List<Response> responses = redis.batchAndAwait(requests);
        Response exec = responses.get(responses.size() - 1);
        if (exec == null) {
            throw new IllegalStateException("Redis discarded the transaction");
        }
        for (Response result : exec) {
            if (result != null && result.type() == ResponseType.ERROR) {
                throw new IllegalStateException("Redis refused part of a batch: " + result);
            }
        }
    }

    /** Deletes every key derived from the topic (time-window claims are not: no event records them). */
    public long deleteDerivedKeys() {
        long deleted = 0;
        String cursor = "0";
        do {
            Response page = redis.sendAndAwait(Request.cmd(Command.SCAN).arg(cursor)
                    .arg("MATCH").arg(RedisKeys.DERIVED_PREFIX + "*").arg("COUNT").arg(SCAN_COUNT));
            cursor = page.get(0).toString();
            Response keys = page.get(1);
            if (keys.size() > 0) {
                Request unlink = Request.cmd(Command.UNLINK);
                keys.forEach(key -> unlink.arg(key.toString()));
                deleted += redis.sendAndAwait(unlink).toLong();
            }
        } while (!"0".equals(cursor));
        return deleted;
    }

    private static Request whitelistRequest(WhitelistOp op) {
        String members = RedisKeys.whitelistMembers(op.appKey(), op.whitelistId());
        return switch (op) {
            case WhitelistOp.Define define -> Request.cmd(Command.HSET).arg(RedisKeys.whitelistTypes(define.appKey()))
                    .arg(define.whitelistId()).arg(define.idType().name());
            case WhitelistOp.AddMembers add -> withArgs(Request.cmd(Command.SADD).arg(members), add.ids());
            case WhitelistOp.RemoveMembers remove -> withArgs(Request.cmd(Command.SREM).arg(members), remove.ids());
            case WhitelistOp.Drop drop -> Request.cmd(Command.DEL).arg(members);
        };
    }

    private static Request withArgs(Request request, List<String> args) {
        args.forEach(request::arg);
        return request;
    }

    private static Request hmget(String key, List<String> fields) {
        return withArgs(Request.cmd(Command.HMGET).arg(key), fields);
    }

    private static List<Map.Entry<String, List<String>>> hashFields(Map<String, Set<String>> byApp) {
        return byApp.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> Map.entry(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    private static Ruleset readRuleset(Segment segment, String json) {
        try {
            return RulesetJson.read(json);
        } catch (UnreadableRulesetException e) {
            // A newer targeting-service wrote it: applying old code on top would lose what it knows.
            throw new IllegalStateException("the ruleset of " + segment.name() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
