package dev.rollgate.targeting.messaging;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.contracts.redis.DerivedKeys;
import dev.rollgate.targeting.config.TargetingConfig;
import dev.rollgate.targeting.domain.BatchCompiler;
import dev.rollgate.targeting.domain.BatchNeeds;
import dev.rollgate.targeting.domain.BatchWrites;
import dev.rollgate.targeting.domain.ConsumedEvent;
import dev.rollgate.targeting.persistence.ConsumptionHold;
import dev.rollgate.targeting.persistence.FencedWriteException;
import dev.rollgate.targeting.persistence.RebuildSwitch;
import dev.rollgate.targeting.persistence.RedisTargetingStore;
import io.vertx.mutiny.redis.client.Redis;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One rebuild, on a thread of its own: replays the whole topic with a consumer of its own, outside the
 * consumer group, into the rebuild keys ({@link DerivedKeys#REBUILD}), while every instance of the group
 * (this one too) goes on applying new events to the live keys. Once it has caught up with the topic, it
 * holds the group for a moment and switches the rebuilt keys in as soon as they hold every event the live
 * keys hold ({@link RebuildSwitch#switchIn}); the live instances then go on from where they were, skipping
 * by the applied versions what the replay applied already. After Redis lost its data the group is held
 * from the start instead: the live keys are then what batches wrote on nothing, rulesets that lack the
 * history, and gateways had better keep the answers they cached than be told those.
 */
final class TopicReplay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TopicReplay.class);
    /** The switch is tried for this long, then the rebuild fails with the live keys untouched. */
    private static final Duration SWITCH_WITHIN = Duration.ofSeconds(30);
    /** How long a switch attempt waits for events the live keys hold and the replay has not read yet. */
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(50);

    private final TargetingConfig config;
    private final RedisTargetingStore store;
    private final RebuildSwitch rebuildSwitch;
    private final ConsumptionHold hold;
    private final BooleanSupplier stillOurs;
    private final boolean holdThroughout;
    private final KafkaConsumer<String, byte[]> consumer;
    private volatile boolean stopping;
    private long eventsApplied;
    private long holdingSince;
    private long heldMillis;

    /**
     * @param stillOurs      renews the rebuild's lock; false once another rebuild may have taken over
     * @param holdThroughout hold the group for the whole replay, not only for the switch
     */
    TopicReplay(TargetingConfig config, Redis redis, RebuildSwitch rebuildSwitch, ConsumptionHold hold,
                BooleanSupplier stillOurs, boolean holdThroughout) {
        this.config = config;
        this.store = new RedisTargetingStore(redis);
        this.rebuildSwitch = rebuildSwitch;
        this.hold = hold;
        this.stillOurs = stillOurs;
        this.holdThroughout = holdThroughout;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "targeting-service-rebuild",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords()),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    RebuildResult run() {
        RebuildResult result;
        try {
            result = replayAndSwitch();
        } finally {
            releaseHold();
        }
        LOG.infof("rebuild done: %d events applied, %d keys switched in, %d dropped, in %d ms (the group held"
                        + " for the last %d ms)", result.eventsApplied(), result.keysSwitched(), result.keysDropped(),
                result.millis(), heldMillis);
        return result;
    }

    private RebuildResult replayAndSwitch() {
        long started = System.nanoTime();
        if (holdThroughout) {
            holdGroup();
        }
        long leftovers = rebuildSwitch.clear(DerivedKeys.REBUILD);
        if (leftovers > 0) {
            LOG.infof("rebuild: deleted %d keys an earlier, abandoned rebuild left", leftovers);
        }
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RELEASE_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        LOG.infof("rebuild: replaying %s from the start beside the live keys, which gateways go on reading (%s)",
                Topics.RELEASE_EVENTS, holdThroughout ? "the consumer group held until the switch"
                        : "and the consumer group goes on writing");
        // Where the topic ends now, and then again where it ends once that is reached: what live instances
        // applied before the rebuild began lies below the first, and the hold only waits for what came since.
        for (int pass = 0; pass < 2; pass++) {
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!reached(end)) {
                applyNext(config.pollTimeout());
            }
        }
        RebuildSwitch.Switched switched = switchIn(partitions);
        return new RebuildResult(switched.keysSwitched(), switched.keysDropped(), eventsApplied,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops a rebuild under way (the instance shuts down); it fails, with the live keys untouched. */
    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        store.close();
    }

    /**
     * Holds the group, applies what came since, and tries the switch, until it goes through. Held, the live
     * keys stop moving, so the replay reaches them, and no live batch makes Redis refuse the switch; without
     * the hold, a steady stream of events (or an instance working off a backlog) could refuse every attempt.
     */
    private RebuildSwitch.Switched switchIn(List<TopicPartition> partitions) {
        long deadline = System.nanoTime() + SWITCH_WITHIN.toNanos();
        int attempts = 0;
        while (true) {
            holdGroup();
            applyNext(CATCH_UP_POLL);
            attempts++;
            Optional<RebuildSwitch.Switched> switched = rebuildSwitch.switchIn(DerivedKeys.REBUILD,
                    replayedThrough(partitions), () -> topicEnds(partitions));
            if (switched.isPresent()) {
                LOG.debugf("rebuild: switched in at attempt %d", attempts);
                return switched.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuilt keys could not be switched in within "
                        + SWITCH_WITHIN.toSeconds() + " s (" + attempts + " attempts): live batches kept being"
                        + " written (an instance that does not honour the hold?); the live keys are untouched");
            }
        }
    }

    /** Holds the group, or holds it on: should this rebuild die, the hold lapses by itself. */
    private void holdGroup() {
        if (holdingSince == 0) {
            holdingSince = System.nanoTime();
        }
        hold.hold();
    }

    private void releaseHold() {
        if (holdingSince == 0) {
            return;
        }
        heldMillis = (System.nanoTime() - holdingSince) / 1_000_000;
        try {
            hold.release();
        } catch (RuntimeException e) {
            LOG.warnf("rebuild: the consumption hold could not be released, it lapses within %s: %s",
                    ConsumptionHold.LAPSE, e.getMessage());
        }
    }

    private Map<Integer, Long> replayedThrough(List<TopicPartition> partitions) {
        Map<Integer, Long> through = new HashMap<>();
        partitions.forEach(partition -> through.put(partition.partition(), consumer.position(partition)));
        return through;
    }

    private Map<Integer, Long> topicEnds(List<TopicPartition> partitions) {
        Map<Integer, Long> ends = new HashMap<>();
        consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
        return ends;
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void applyNext(Duration timeout) {
        if (stopping) {
            throw new IllegalStateException("the rebuild stopped: the instance is shutting down");
        }
        if (!stillOurs.getAsBoolean()) {
            throw new IllegalStateException("the rebuild lost its lock (it expired, or Redis lost its data):"
                    + " it stops, with the live keys untouched");
        }
        if (holdingSince != 0) {
            holdGroup();
        }
        List<ConsumedEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            try {
                EventEnvelope envelope = EventJson.read(record.value());
                events.add(new ConsumedEvent(record.partition(), record.offset(), envelope, EventJson.data(envelope)));
            } catch (UnreadableEventException e) {
                // The live instance that consumed it put it on the dead-letter topic; once is enough.
                LOG.debugf("rebuild: skipping unreadable event at partition %d offset %d", record.partition(),
                        record.offset());
            }
        }
        if (!events.isEmpty()) {
            apply(events);
        }
    }

    /**
     * As the live instances do: a batch that fails while Redis answers is applied one event at a time, and
     * an event that fails alone is skipped (they put it on the dead-letter topic). Redis away, or another
     * writer of the rebuild keys, fails the rebuild: the live keys are untouched, and it may be asked again.
     */
    private void apply(List<ConsumedEvent> events) {
        try {
            applyOnce(events);
        } catch (FencedWriteException e) {
            throw e;
        } catch (RuntimeException e) {
            if (!store.reachable()) {
                throw e;
            }
            for (ConsumedEvent event : events) {
                try {
                    applyOnce(List.of(event));
                } catch (FencedWriteException fenced) {
                    throw fenced;
                } catch (RuntimeException alone) {
                    if (!store.reachable()) {
                        throw alone;
                    }
                    LOG.warnf("rebuild: skipping the event at partition %d offset %d, which cannot be applied: %s",
                            event.partition(), event.offset(), alone.getMessage());
                }
            }
        }
    }

    private void applyOnce(List<ConsumedEvent> events) {
        BatchWrites writes = BatchCompiler.compile(events, store.load(BatchNeeds.of(events), DerivedKeys.REBUILD));
        // Rejected events are left out, as the live instances left them out (and dead-lettered them).
        store.write(writes, DerivedKeys.REBUILD, false);
        eventsApplied += writes.applied();
    }
}
