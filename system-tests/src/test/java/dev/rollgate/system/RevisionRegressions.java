package dev.rollgate.system;

import dev.rollgate.contracts.redis.RedisKeys;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads the live revisions, as gateways do, over and over from a thread of its own, and notes every segment
 * whose revision went down: a gateway would then serve an older state than it served before.
 */
final class RevisionRegressions implements AutoCloseable {

    private final RedisReader redis;
    private final Map<String, Long> highest = new HashMap<>();
    private final List<String> regressions = new CopyOnWriteArrayList<>();
    private volatile boolean watching = true;
    private volatile int reads;
    private final Thread thread;

    RevisionRegressions(RedisReader redis) {
        this.redis = redis;
        thread = Thread.ofPlatform().name("revision-regressions").start(this::watch);
    }

    private void watch() {
        while (watching) {
            Response all = redis.send(Request.cmd(Command.HGETALL).arg(RedisKeys.REVISIONS));
            for (String segment : all.getKeys()) {
                long revision = all.get(segment).toLong();
                Long before = highest.put(segment, revision);
                if (before != null && revision < before) {
                    regressions.add(segment + " went from " + before + " to " + revision);
                }
            }
            reads++;
        }
    }

    /** Stops watching; what went down meanwhile. */
    List<String> stop() throws InterruptedException {
        watching = false;
        thread.join(10_000);
        return List.copyOf(regressions);
    }

    int reads() {
        return reads;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
