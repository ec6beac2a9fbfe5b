package dev.rollgate.targeting.messaging;

import dev.rollgate.targeting.persistence.RedisTargetingStore;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Objects;

/**
 * Notices that Redis lost what this service wrote (it restarted without persistence, or was flushed) and
 * rebuilds it from the topic, so that gateways get their rulesets back without an operator. Every batch
 * writes a marker key; when it is gone after this instance saw it, or is missing while the consumer group
 * already has history, Redis lost its state. Run on the consumer's thread: between polls every few seconds,
 * and by every batch that read Redis without the marker, before it writes: a batch retried after Redis came
 * back empty would otherwise write its rulesets without their history and the marker with them, and the
 * loss would go unnoticed.
 */
final class RedisLossWatch {

    private static final Logger LOG = Logger.getLogger(RedisLossWatch.class);
    private static final Duration EVERY = Duration.ofSeconds(2);
    /** After a rebuild that failed or could not start (another instance runs one), ask again only this late. */
    private static final Duration AFTER_REFUSAL = Duration.ofSeconds(60);

    private final RedisTargetingStore store;
    private final TopicRebuilds rebuilds;
    private final Counter losses;
    private boolean sawState;
    private long nextCheck;
    /** Set by the rebuild's thread when it fails. */
    private volatile long askAgainAfter;

    RedisLossWatch(RedisTargetingStore store, TopicRebuilds rebuilds, Counter losses) {
        this.store = store;
        this.rebuilds = rebuilds;
        this.losses = losses;
    }

    void check(KafkaConsumer<String, byte[]> consumer) {
        long now = System.nanoTime();
        if (now < nextCheck || rebuilds.underWay() || consumer.assignment().isEmpty()) {
            return;
        }
        nextCheck = now + EVERY.toNanos();
        Boolean holds = store.holdsState();
        if (holds == null) {
            return; // Redis does not answer: nothing can be told yet
        }
        if (holds) {
            sawState = true;
            return;
        }
        if (!sawState && !hasHistory(consumer)) {
            return; // a new installation: nothing was ever written
        }
        lost();
    }

    /**
     * A batch read Redis without the marker: true when it may write all the same (a new installation, nothing
     * was ever written); false when Redis lost its data, and the batch must not write on what is left. A
     * rebuild is then asked, which holds the group until its keys are in, unless one runs here already or was
     * refused a moment ago.
     */
    boolean mayWriteWithoutState(KafkaConsumer<String, byte[]> consumer) {
        if (!sawState && !rebuilds.underWay() && !hasHistory(consumer)) {
            return true;
        }
        lost();
        return false;
    }

    private void lost() {
        if (rebuilds.underWay() || System.nanoTime() < askAgainAfter) {
            return;
        }
        sawState = false;
        losses.increment();
        LOG.warn("Redis no longer holds what this service wrote (restarted without persistence, or flushed):"
                + " rebuilding it from the topic");
        rebuilds.requestAfterLoss().whenComplete((result, failure) -> {
            if (failure instanceof RebuildRefusedException) {
                LOG.infof("Redis lost its state; %s", failure.getMessage());
                askAgainAfter = System.nanoTime() + AFTER_REFUSAL.toNanos();
            } else if (failure != null) {
                LOG.errorf("Redis lost its state and could not be rebuilt here: %s (run deploy/local/rebuild-redis"
                        + " or POST /admin/rebuild)", failure.getMessage());
                askAgainAfter = System.nanoTime() + AFTER_REFUSAL.toNanos();
            }
        });
    }

    private static boolean hasHistory(KafkaConsumer<String, byte[]> consumer) {
        return consumer.committed(consumer.assignment()).values().stream()
                .filter(Objects::nonNull).mapToLong(OffsetAndMetadata::offset).anyMatch(offset -> offset > 0);
    }
}
