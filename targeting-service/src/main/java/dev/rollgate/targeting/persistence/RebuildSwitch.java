package dev.rollgate.targeting.persistence;

import dev.rollgate.contracts.redis.DerivedKeys;
import dev.rollgate.contracts.redis.RedisKeys;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A rebuild replays the topic into keys of their own ({@link DerivedKeys#REBUILD}) while gateways go on
 * reading the live ones (and live instances go on writing them); once it has caught up, this switches them
 * in with one MULTI/EXEC, so that a client sees either the old state or the rebuilt one, never an app
 * missing or a version half-replayed.
 */
@ApplicationScoped
public class RebuildSwitch {

    private static final Logger LOG = Logger.getLogger(RebuildSwitch.class);

    private static final int SCAN_COUNT = 1_000;

    private final Redis redis;

    RebuildSwitch(Redis redis) {
        this.redis = redis;
    }

    /** Deletes every key of a layout: what an abandoned rebuild left. */
    public long clear(DerivedKeys keys) {
        long deleted = 0;
        List<String> found = scan(keys);
        for (int from = 0; from < found.size(); from += SCAN_COUNT) {
            Request unlink = Request.cmd(Command.UNLINK);
            found.subList(from, Math.min(found.size(), from + SCAN_COUNT)).forEach(unlink::arg);
            deleted += redis.sendAndAwait(unlink).toLong();
        }
        return deleted;
    }

    /**
     * Replaces the live keys with the rebuilt ones, as one MULTI/EXEC: each rebuilt key is renamed over its
     * live counterpart, a live key the replay did not make again goes, and every segment of either is
     * announced as changed. Live instances go on writing while a rebuild replays, so the switch first
     * WATCHes what every live batch writes, then reads how far the live keys go ({@link LiveOffsets}): it
     * goes ahead only when the replay reached as far, and Redis refuses it when a live batch is written
     * after the WATCH. So the switch never replaces an event the live keys hold with keys that lack it.
     *
     * @param replayedThrough per partition, the offset just past the last event the replay applied
     * @return empty when the replay has not reached the live keys, or a live batch was written meanwhile
     */
    public Optional<Switched> switchIn(DerivedKeys rebuilt, Map<Integer, Long> replayedThrough) {
        return switchIn(rebuilt, replayedThrough, Map::of);
    }

    /**
     * As {@link #switchIn(DerivedKeys, Map)}, where {@code topicEnds} tells where each partition of the topic
     * ends, asked after the live offsets are read: a live offset past the end cannot stand for an event (the
     * topic was made anew, or this Redis kept the bookkeeping of another cluster's topic), and without this
     * no replay could ever reach it.
     */
    public Optional<Switched> switchIn(DerivedKeys rebuilt, Map<Integer, Long> replayedThrough,
                                      Supplier<Map<Integer, Long>> topicEnds) {
        DerivedKeys live = DerivedKeys.LIVE;
        RedisConnection connection = redis.connectAndAwait();
        try {
            // A batch, not a send: a cluster connection takes a batch's WATCH to the node of its keys.
            connection.batchAndAwait(List.of(Request.cmd(Command.WATCH).arg(live.state()).arg(LiveOffsets.KEY)));
            Map<Integer, Long> liveOffsets = LiveOffsets.read(connection);
            Map<Integer, Long> existing = LiveOffsets.cappedAt(liveOffsets, topicEnds.get());
            if (!existing.equals(liveOffsets)) {
                LOG.warnf("rebuild: the live offsets %s go past the topic's end; taken as %s", liveOffsets, existing);
            }
            if (!LiveOffsets.covers(replayedThrough, existing)) {
                return Optional.empty();
            }
            List<String> rebuiltKeys = scan(rebuilt);
            Set<String> replacing = new HashSet<>();
            rebuiltKeys.forEach(key -> replacing.add(rebuilt.as(live, key)));
            List<String> dropped = scan(live).stream().filter(key -> !replacing.contains(key)).toList();
            Set<String> segments = new LinkedHashSet<>(segments(live));
            segments.addAll(segments(rebuilt));

            List<Request> requests = new ArrayList<>();
            requests.add(Request.cmd(Command.MULTI));
            for (String key : rebuiltKeys) {
                requests.add(Request.cmd(Command.RENAME).arg(key).arg(rebuilt.as(live, key)));
            }
            for (String key : dropped) {
                requests.add(Request.cmd(Command.UNLINK).arg(key));
            }
            // The live keys now go as far as the replay did: a later rebuild must reach that far too.
            requests.add(LiveOffsets.raise(replayedThrough));
            for (String segment : segments) {
                requests.add(Request.cmd(Command.PUBLISH).arg(RedisKeys.SEGMENT_CHANGED_CHANNEL).arg(segment));
            }
            requests.add(Request.cmd(Command.EXEC));
            Response exec = LongBatch.send(connection, requests).getLast();
            return exec == null ? Optional.empty() : Optional.of(new Switched(rebuiltKeys.size(), dropped.size()));
        } finally {
            // The connection goes back to the client's pool: a WATCH left on it would refuse another's EXEC.
            try {
                DerivedNode.send(connection, Request.cmd(Command.UNWATCH));
            } finally {
                connection.closeAndAwait();
            }
        }
    }

    /**
     * @param keysSwitched rebuilt keys that are live now
     * @param keysDropped  live keys the replay did not make again (state of events no longer on the topic)
     */
    public record Switched(long keysSwitched, long keysDropped) {
    }

    private List<String> segments(DerivedKeys keys) {
        Response all = redis.sendAndAwait(Request.cmd(Command.HKEYS).arg(keys.revisions()));
        List<String> names = new ArrayList<>();
        all.forEach(name -> names.add(name.toString()));
        return names;
    }

    /**
     * SCAN may name a key twice; each once here. It sees one server's keys: on a cluster, those of the node of
     * the derived keys' hash slot ({@link DerivedNode}). Not private: a test writes a live batch while it runs.
     */
    List<String> scan(DerivedKeys keys) {
        Set<String> found = new LinkedHashSet<>();
        String cursor = "0";
        do {
            Response page = DerivedNode.send(redis, Request.cmd(Command.SCAN).arg(cursor)
                    .arg("MATCH").arg(keys.prefix() + "*").arg("COUNT").arg(SCAN_COUNT));
            cursor = page.get(0).toString();
            page.get(1).forEach(key -> found.add(key.toString()));
        } while (!"0".equals(cursor));
        return List.copyOf(found);
    }
}
