package dev.rollgate.targeting.persistence;

import dev.rollgate.contracts.redis.RedisKeys;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.util.HashMap;
import java.util.Map;

/**
 * How far the live keys go: per partition, the offset just past the last event any instance applied to
 * them. Raised in the same MULTI/EXEC as every live batch, and by a rebuild's switch to where its replay
 * got, so that a rebuild can tell whether its keys hold every event the live ones do. Only ever raised: a
 * batch of an instance that lagged cannot lower it. It is bookkeeping, not state derived from the events,
 * so it sits outside both derived prefixes, but in their hash slot: the batches and the switch that raise it
 * are transactions over derived keys, which a cluster runs within one slot only.
 */
final class LiveOffsets {

    static final String KEY = "rollgate-targeting:" + RedisKeys.DERIVED_SLOT + ":live-offsets";
    private static final String RAISE = """
            for i = 1, #ARGV, 2 do
              local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
              if tonumber(ARGV[i + 1]) > current then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
            end
            return 0""";

    private LiveOffsets() {
    }

    /** A request that raises each partition's offset to the given one, where that is higher. */
    static Request raise(Map<Integer, Long> through) {
        Request eval = Request.cmd(Command.EVAL).arg(RAISE).arg(1).arg(KEY);
        through.forEach((partition, offset) -> eval.arg(partition).arg(offset));
        return eval;
    }

    static Map<Integer, Long> read(RedisConnection connection) {
        Response all = connection.sendAndAwait(Request.cmd(Command.HGETALL).arg(KEY));
        Map<Integer, Long> offsets = new HashMap<>();
        all.getKeys().forEach(partition -> offsets.put(Integer.parseInt(partition), all.get(partition).toLong()));
        return offsets;
    }

    /** Each live offset, or the partition's end where it goes past it; as they are when no end is known. */
    static Map<Integer, Long> cappedAt(Map<Integer, Long> live, Map<Integer, Long> ends) {
        Map<Integer, Long> capped = new HashMap<>(live);
        ends.forEach((partition, end) -> capped.computeIfPresent(partition, (p, offset) -> Math.min(offset, end)));
        return capped;
    }

    /** Whether {@code replayed} reaches at least as far as {@code live} on every partition. */
    static boolean covers(Map<Integer, Long> replayed, Map<Integer, Long> live) {
        return live.entrySet().stream().allMatch(p -> replayed.getOrDefault(p.getKey(), 0L) >= p.getValue());
    }
}
