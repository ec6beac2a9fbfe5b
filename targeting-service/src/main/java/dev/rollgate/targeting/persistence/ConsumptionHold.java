package dev.rollgate.targeting.persistence;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * A short pause of the consumer group, asked for by a rebuild just before it switches its keys in. The
 * switch is refused whenever a live batch was written during it ({@link RebuildSwitch}); an instance
 * catching up a backlog writes batch after batch and would refuse every attempt, so for this moment every
 * instance stops taking events. The hold expires by itself, so a rebuilder that dies cannot stop the group.
 */
@ApplicationScoped
public class ConsumptionHold {

    static final String KEY = "rollgate-targeting:consumption-hold";
    /** How long a hold lasts after it was last renewed: a rebuilder renews it at least every batch. */
    public static final Duration LAPSE = Duration.ofSeconds(5);

    private final Redis redis;

    ConsumptionHold(Redis redis) {
        this.redis = redis;
    }

    /** Holds the group, or holds it on, until {@link #LAPSE} from now. */
    public void hold() {
        redis.sendAndAwait(Request.cmd(Command.SET).arg(KEY).arg("rebuild").arg("PX").arg(LAPSE.toMillis()));
    }

    public void release() {
        redis.sendAndAwait(Request.cmd(Command.DEL).arg(KEY));
    }

    /** False when Redis does not answer: the batch that follows fails then anyway, and is tried again. */
    public boolean held() {
        try {
            return redis.sendAndAwait(Request.cmd(Command.EXISTS).arg(KEY)).toInteger() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
