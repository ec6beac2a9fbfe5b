package dev.rollgate.targeting.persistence;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * One rebuild at a time across every targeting-service instance: two would fill the same rebuild keys.
 * A lease in Redis that its holder renews batch by batch, so that a holder that died frees it by itself.
 * It sits outside both derived prefixes, so that neither a rebuild's clearing nor its switch touches it.
 */
@ApplicationScoped
public class RebuildLock {

    static final String KEY = "rollgate-targeting:rebuild-lock";
    /** Long enough for the slowest batch between two renewals, short enough that a crash frees it soon. */
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0""";
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""";

    private final Redis redis;

    RebuildLock(Redis redis) {
        this.redis = redis;
    }

    /** @return whether {@code token} holds the lock now; false when another holder has it */
    public boolean acquire(String token) {
        Response set = redis.sendAndAwait(Request.cmd(Command.SET).arg(KEY).arg(token).arg("NX")
                .arg("PX").arg(LEASE.toMillis()));
        return set != null;
    }

    /** Who holds it, or null. */
    public String holder() {
        Response value = redis.sendAndAwait(Request.cmd(Command.GET).arg(KEY));
        return value == null ? null : value.toString();
    }

    /**
     * Extends the lease. False when it is no longer {@code token}'s: it expired and another took it, or Redis
     * lost its data (with the rebuild keys filled so far), so the rebuild must stop.
     */
    public boolean renew(String token) {
        return script(RENEW, token, Long.toString(LEASE.toMillis())) == 1;
    }

    public void release(String token) {
        script(RELEASE, token);
    }

    private long script(String lua, String... args) {
        Request eval = Request.cmd(Command.EVAL).arg(lua).arg(1).arg(KEY);
        for (String arg : args) {
            eval.arg(arg);
        }
        return redis.sendAndAwait(eval).toLong();
    }
}
