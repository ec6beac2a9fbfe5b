package dev.rollgate.targeting.messaging;

import dev.rollgate.targeting.config.TargetingConfig;
import dev.rollgate.targeting.persistence.ConsumptionHold;
import dev.rollgate.targeting.persistence.RebuildLock;
import dev.rollgate.targeting.persistence.RebuildSwitch;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds of Redis from the topic, asked for over HTTP or by {@link RedisLossWatch}, each run as a
 * {@link TopicReplay} on a thread of its own. Any instance can run one while the others keep consuming; a
 * lock in Redis lets one run at a time across all of them, since two would fill the same rebuild keys.
 */
@ApplicationScoped
public class TopicRebuilds {

    private static final Logger LOG = Logger.getLogger(TopicRebuilds.class);

    private final TargetingConfig config;
    private final Redis redis;
    private final RebuildSwitch rebuildSwitch;
    private final ConsumptionHold hold;
    private final RebuildLock lock;
    /** Names this instance in the lock, for the answer another instance gives meanwhile: pid@host. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();
    private final AtomicReference<CompletableFuture<RebuildResult>> underWay = new AtomicReference<>();
    private volatile TopicReplay replay;
    private volatile Thread thread;

    TopicRebuilds(TargetingConfig config, Redis redis, RebuildSwitch rebuildSwitch, ConsumptionHold hold,
                  RebuildLock lock) {
        this.config = config;
        this.redis = redis;
        this.rebuildSwitch = rebuildSwitch;
        this.hold = hold;
        this.lock = lock;
    }

    /**
     * Completes once the rebuilt keys are live. A request while this instance rebuilds joins that rebuild;
     * one while another instance rebuilds fails with {@link RebuildRefusedException}.
     */
    public CompletableFuture<RebuildResult> request() {
        return request(false);
    }

    /**
     * As {@link #request()}, after Redis lost its data: the group is held until the rebuilt keys are in.
     * Called on the consumer's thread, it holds the group before it returns, so that not even the next
     * batch writes on the emptied keys while the rebuild starts.
     */
    CompletableFuture<RebuildResult> requestAfterLoss() {
        try {
            hold.hold();
        } catch (RuntimeException e) {
            LOG.warnf("the group could not be held before the rebuild: %s", e.getMessage());
        }
        return request(true);
    }

    private CompletableFuture<RebuildResult> request(boolean holdThroughout) {
        CompletableFuture<RebuildResult> request = new CompletableFuture<>();
        CompletableFuture<RebuildResult> earlier = underWay.compareAndExchange(null, request);
        if (earlier != null) {
            return earlier;
        }
        thread = Thread.ofPlatform().name("targeting-rebuild").start(() -> run(request, holdThroughout));
        return request;
    }

    /** Whether this instance runs a rebuild now. */
    public boolean underWay() {
        return underWay.get() != null;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        TopicReplay running = replay;
        Thread runner = thread;
        if (running != null) {
            running.stop();
        }
        if (runner != null) {
            runner.join(10_000);
        }
    }

    private void run(CompletableFuture<RebuildResult> request, boolean holdThroughout) {
        RebuildResult result = null;
        Throwable failure = null;
        try {
            result = replayHoldingTheLock(holdThroughout);
        } catch (RuntimeException e) {
            failure = e;
            if (!(e instanceof RebuildRefusedException)) {
                LOG.errorf(e, "rebuild failed");
            }
        } finally {
            // Done before the answer, so that whoever asks again after it starts a new rebuild.
            underWay.set(null);
        }
        if (failure != null) {
            request.completeExceptionally(failure);
        } else {
            request.complete(result);
        }
    }

    private RebuildResult replayHoldingTheLock(boolean holdThroughout) {
        String token = instance + "/" + UUID.randomUUID();
        if (!lock.acquire(token)) {
            throw new RebuildRefusedException("a rebuild is under way on another targeting-service instance ("
                    + lock.holder() + "); ask again once it has finished");
        }
        try (TopicReplay running = new TopicReplay(config, redis, rebuildSwitch, hold, () -> lock.renew(token),
                holdThroughout)) {
            replay = running;
            return running.run();
        } finally {
            replay = null;
            try {
                lock.release(token);
            } catch (RuntimeException e) {
                LOG.warnf("the rebuild lock could not be released; it expires by itself: %s", e.getMessage());
            }
        }
    }
}
