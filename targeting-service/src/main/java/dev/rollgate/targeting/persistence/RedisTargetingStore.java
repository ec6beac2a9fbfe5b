package dev.rollgate.targeting.persistence;

import dev.rollgate.contracts.redis.DerivedKeys;
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
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Targeting-service's side of the Redis key layout ({@link DerivedKeys}). Called from the consumer's own
 * thread, so it blocks, on a connection of its own: a batch's {@link #load} WATCHes the applied versions of
 * its apps, and its {@link #write} commits only if no other instance wrote them in between. That fences an
 * instance that stalled past its session timeout (its partitions already given to another) and then wakes
 * up to write a state older than the one now in Redis.
 */
@ApplicationScoped
public class RedisTargetingStore {

    private final Redis redis;
    private RedisConnection connection;

    /** The bean, or one of a rebuild's own: a store's connection serves one thread's batches. */
    public RedisTargetingStore(Redis redis) {
        this.redis = redis;
    }

    /**
     * Reads, in one round trip, every ruleset, applied version and whitelist type a batch needs, and whether
     * the marker batches write is there ({@link StoredState#holdsState()}), and watches the applied versions
     * of its apps until the batch's {@link #write}.
     */
    public StoredState load(BatchNeeds needs, DerivedKeys keys) {
        List<Request> requests = new ArrayList<>();
        if (!needs.streamsByApp().isEmpty()) {
            Request watch = Request.cmd(Command.WATCH);
            needs.streamsByApp().keySet().forEach(app -> watch.arg(keys.appliedVersions(app)));
            requests.add(watch);
        }
        int first = requests.size();
        List<Segment> segments = List.copyOf(needs.segments());
        for (Segment segment : segments) {
            requests.add(Request.cmd(Command.GET).arg(keys.ruleset(segment.appKey(), segment.platform())));
        }
        List<Map.Entry<String, List<String>>> streams = hashFields(needs.streamsByApp());
        for (Map.Entry<String, List<String>> app : streams) {
            requests.add(hmget(keys.appliedVersions(app.getKey()), app.getValue()));
        }
        List<Map.Entry<String, List<String>>> whitelists = hashFields(needs.whitelistsByApp());
        for (Map.Entry<String, List<String>> app : whitelists) {
            requests.add(hmget(keys.whitelistTypes(app.getKey()), app.getValue()));
        }
        requests.add(Request.cmd(Command.EXISTS).arg(keys.state()));
        List<Response> responses = send(requests);
        boolean holdsState = responses.getLast().toInteger() == 1;

        int at = first;
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

            @Override
            public boolean holdsState() {
                return holdsState;
            }
        };
    }

    /**
     * Writes a batch's results in one MULTI/EXEC and, when {@code announce}, announces each changed segment on
     * the pub/sub channel inside it, so that no gateway hears of a ruleset before it can read it.
     *
     * @throws FencedWriteException when another instance wrote one of the batch's apps since {@link #load}
     */
    public void write(BatchWrites writes, DerivedKeys keys, boolean announce) {
        if (writes.isEmpty()) {
            // Behind a read of a derived key: on a cluster, the UNWATCH goes where the WATCH went.
            send(List.of(Request.cmd(Command.EXISTS).arg(keys.state()), Request.cmd(Command.UNWATCH)));
            return;
        }
        List<Request> requests = new ArrayList<>();
        requests.add(Request.cmd(Command.MULTI));
        writes.rulesets().forEach((segment, ruleset) -> {
            requests.add(Request.cmd(Command.SET).arg(keys.ruleset(segment.appKey(), segment.platform()))
                    .arg(RulesetJson.write(ruleset)));
            requests.add(Request.cmd(Command.HSET).arg(keys.revisions()).arg(segment.name())
                    .arg(ruleset.revision()));
        });
        for (WhitelistOp op : writes.whitelistOps()) {
            requests.add(whitelistRequest(op, keys));
            if (op instanceof WhitelistOp.Drop drop) {
                requests.add(Request.cmd(Command.HDEL).arg(keys.whitelistTypes(drop.appKey()))
                        .arg(drop.whitelistId()));
            }
        }
        if (!writes.registeredApps().isEmpty()) {
            Request add = Request.cmd(Command.SADD).arg(keys.knownApps());
            writes.registeredApps().forEach(add::arg);
            requests.add(add);
        }
        writes.appliedVersions().forEach((app, versions) -> {
            Request hset = Request.cmd(Command.HSET).arg(keys.appliedVersions(app));
            versions.forEach((stream, version) -> hset.arg(stream).arg(version));
            requests.add(hset);
        });
        requests.add(Request.cmd(Command.SET).arg(keys.state()).arg("1"));
        if (keys.equals(DerivedKeys.LIVE)) {
            requests.add(LiveOffsets.raise(writes.appliedThrough()));
        }
        if (announce) {
            for (Segment segment : writes.rulesets().keySet()) {
                requests.add(Request.cmd(Command.PUBLISH).arg(RedisKeys.SEGMENT_CHANGED_CHANNEL).arg(segment.name()));
            }
        }
        requests.add(Request.cmd(Command.EXEC));
        List<Response> responses = send(requests);
        Response exec = responses.get(responses.size() - 1);
        if (exec == null) {
            throw new FencedWriteException("another targeting-service instance wrote the state of "
                    + String.join(", ", writes.appliedVersions().keySet())
                    + " since this batch read it; the batch is read and applied again");
        }
        for (Response result : exec) {
            if (result != null && result.type() == ResponseType.ERROR) {
                throw new IllegalStateException("Redis refused part of a batch: " + result);
            }
        }
    }

    /** Whether Redis holds the state batches write ({@link DerivedKeys#state()}); null when Redis does not answer. */
    public Boolean holdsState() {
        try {
            return redis.sendAndAwait(Request.cmd(Command.EXISTS).arg(DerivedKeys.LIVE.state())).toInteger() == 1;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether Redis answers now: tells a batch that fails because of an event from one that fails because of Redis. */
    public boolean reachable() {
        try {
            return "PONG".equals(redis.sendAndAwait(Request.cmd(Command.PING)).toString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<Response> send(List<Request> requests) {
        try {
            if (connection == null) {
                connection = redis.connectAndAwait();
            }
            return LongBatch.send(connection, requests);
        } catch (RuntimeException e) {
            // A broken connection would also have lost its WATCH: start the next batch on a new one.
            close();
            throw e;
        }
    }

    @PreDestroy
    public void close() {
        if (connection != null) {
            try {
                connection.closeAndAwait();
            } catch (RuntimeException e) {
                // it is being dropped either way
            }
            connection = null;
        }
    }

    private static Request whitelistRequest(WhitelistOp op, DerivedKeys keys) {
        String members = keys.whitelistMembers(op.appKey(), op.whitelistId());
        return switch (op) {
            case WhitelistOp.Define define -> Request.cmd(Command.HSET).arg(keys.whitelistTypes(define.appKey()))
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
