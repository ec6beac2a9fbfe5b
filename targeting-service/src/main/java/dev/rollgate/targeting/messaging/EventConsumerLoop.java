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
import dev.rollgate.targeting.domain.StoredState;
import dev.rollgate.targeting.persistence.ConsumptionHold;
import dev.rollgate.targeting.persistence.FencedWriteException;
import dev.rollgate.targeting.persistence.RedisTargetingStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumes the release events on a thread of its own and applies them to Redis batch by batch: read what
 * the batch needs, apply it in memory, write the results in one transaction, and only then commit the
 * offsets (at least once; the applied streamVersions make a redelivery harmless). A batch that fails while
 * Redis is down is sought back and tried again after a pause, so nothing is skipped; an event that cannot
 * be applied with Redis answering goes to the dead-letter topic alone, with why. Several instances share
 * the partitions as one consumer group; a rebuild runs beside them ({@link TopicRebuilds}), and they stop
 * taking events only while it holds them ({@link ConsumptionHold}) for its switch.
 */
@ApplicationScoped
public class EventConsumerLoop {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);
    /** How often an event is tried alone, with Redis answering, before it is taken for a poison event. */
    private static final int POISON_ATTEMPTS = 3;

    private final TargetingConfig config;
    private final RedisTargetingStore store;
    private final Counter applied;
    private final Counter skipped;
    private final Counter deadLettered;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile int assignedPartitions;
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private final ConsumptionHold hold;
    private final RedisLossWatch lossWatch;

    EventConsumerLoop(TargetingConfig config, RedisTargetingStore store, TopicRebuilds rebuilds,
                      ConsumptionHold hold, MeterRegistry registry) {
        this.config = config;
        this.store = store;
        this.hold = hold;
        this.lossWatch = new RedisLossWatch(store, rebuilds, registry.counter("rollgate.targeting.redis.losses"));
        this.applied = registry.counter("rollgate.targeting.events.applied");
        this.skipped = registry.counter("rollgate.targeting.events.skipped");
        this.deadLettered = registry.counter("rollgate.targeting.dead.letters");
        registry.gauge("rollgate.targeting.consumer.lag", lag);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "targeting-service",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) config.sessionTimeout().toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) config.sessionTimeout().toMillis() / 3),
                new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = new Thread(this::run, "targeting-consumer");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }

    public boolean isRunning() {
        return running;
    }

    public int assignedPartitions() {
        return assignedPartitions;
    }

    public long lag() {
        return lag.get();
    }

    /** Why the last batch failed, or null when it did not. */
    public String lastFailure() {
        return lastFailure.get();
    }

    private void run() {
        try (DeadLetters deadLetters = new DeadLetters(config.bootstrapServers())) {
            consumer.subscribe(List.of(Topics.RELEASE_EVENTS));
            while (running) {
                honourHold();
                ConsumerRecords<String, byte[]> polled = consumer.poll(config.pollTimeout());
                assignedPartitions = consumer.assignment().size();
                if (!polled.isEmpty()) {
                    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
                    polled.forEach(records::add);
                    applyOrRewind(records, deadLetters);
                }
                measureLag();
                lossWatch.check(consumer);
            }
        } catch (WakeupException e) {
            // stop() woke the poll: leave.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the release-event consumer stopped", e);
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Pauses every assigned partition while a rebuild holds the group, and resumes them after. Polling goes
     * on meanwhile, so the instance stays in the group. A batch read just before the hold, or of a partition
     * assigned during a poll, may still be written: the switch is then refused once and tried again.
     */
    private void honourHold() {
        if (hold.held()) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /**
     * Applies a batch. When it fails while Redis answers, one of its events is at fault, not Redis: the
     * events are then applied one at a time, and one that still fails alone becomes a dead letter, so that
     * one bad event never stops its partition. When Redis is away, the batch waits and is tried again whole.
     */
    private void applyOrRewind(List<ConsumerRecord<String, byte[]>> records, DeadLetters deadLetters)
            throws InterruptedException {
        try {
            apply(records, deadLetters);
            lastFailure.set(null);
        } catch (FencedWriteException | CommitFailedException | RebalanceInProgressException e) {
            LOG.infof("the batch is read again: %s", e.getMessage());
            rewind(records, 0);
        } catch (StateLostException e) {
            waitForRebuild(records, 0);
        } catch (RuntimeException e) {
            if (!store.reachable()) {
                failedForNow(records, 0, e);
            } else {
                applyOneByOne(records, deadLetters);
            }
        }
    }

    private void applyOneByOne(List<ConsumerRecord<String, byte[]>> records, DeadLetters deadLetters)
            throws InterruptedException {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            for (int attempt = 1; ; attempt++) {
                try {
                    apply(List.of(record), deadLetters);
                    break;
                } catch (FencedWriteException | CommitFailedException | RebalanceInProgressException e) {
                    // Another instance moved on or took the partition: not the event's fault.
                    rewind(records, i);
                    return;
                } catch (StateLostException e) {
                    waitForRebuild(records, i);
                    return;
                } catch (RuntimeException e) {
                    if (!store.reachable()) {
                        failedForNow(records, i, e);
                        return;
                    }
                    if (attempt == POISON_ATTEMPTS) {
                        String reason = "cannot be applied (" + POISON_ATTEMPTS + " attempts with Redis answering): "
                                + e.getMessage();
                        LOG.warnf("event at %s-%d offset %d goes to the dead-letter topic: %s", record.topic(),
                                record.partition(), record.offset(), reason);
                        deadLetters.send(record, reason);
                        deadLettered.increment();
                        commit(List.of(record));
                        break;
                    }
                    Thread.sleep(config.retryBackoff().toMillis());
                }
            }
        }
        lastFailure.set(null);
    }

    /** Redis (or the broker) is away: nothing of the batch is lost, it is read again after a pause. */
    private void failedForNow(List<ConsumerRecord<String, byte[]>> records, int from, RuntimeException e)
            throws InterruptedException {
        lastFailure.set(e.getMessage());
        LOG.warnf("a batch of %d events could not be applied, retrying in %s: %s", records.size() - from,
                config.retryBackoff(), e.getMessage());
        rewind(records, from);
        Thread.sleep(config.retryBackoff().toMillis());
    }

    /**
     * Redis lost its data and a rebuild is to put it back: the batch is read again once the rebuilt keys are
     * in. The rebuild holds the group meanwhile; should the hold not be there (the rebuild was refused, or
     * could not hold it), the batch waits as for Redis away rather than read and refused again at once.
     */
    private void waitForRebuild(List<ConsumerRecord<String, byte[]>> records, int from) throws InterruptedException {
        rewind(records, from);
        if (!hold.held()) {
            Thread.sleep(config.retryBackoff().toMillis());
        }
    }

    /**
     * Seeks every partition still assigned back to its first record at or after {@code from}, to be polled
     * again; a partition taken away meanwhile is its new owner's, from the group's committed offset.
     */
    private void rewind(List<ConsumerRecord<String, byte[]>> records, int from) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records.subList(from, records.size())) {
            first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        Set<TopicPartition> assigned = consumer.assignment();
        first.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records, DeadLetters deadLetters)
            throws InterruptedException {
        List<ConsumedEvent> events = new ArrayList<>(records.size());
        Map<Long, ConsumerRecord<String, byte[]>> byPlace = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope envelope = EventJson.read(record.value());
                events.add(new ConsumedEvent(record.partition(), record.offset(), envelope, EventJson.data(envelope)));
                byPlace.put(place(record.partition(), record.offset()), record);
            } catch (UnreadableEventException e) {
                LOG.warnf("event at %s-%d offset %d goes to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                deadLetters.send(record, e.getMessage());
                deadLettered.increment();
            }
        }
        StoredState stored = store.load(BatchNeeds.of(events), DerivedKeys.LIVE);
        if (!stored.holdsState() && !lossWatch.mayWriteWithoutState(consumer)) {
            // Written on what Redis kept, the batch's rulesets would lack their history, and its marker would
            // hide the loss: gateways would take those rulesets, newer by revision, and drop what they knew.
            store.close(); // and the batch's WATCH with its connection
            throw new StateLostException();
        }
        BatchWrites writes = BatchCompiler.compile(events, stored);
        for (BatchWrites.Rejected rejected : writes.rejected()) {
            ConsumerRecord<String, byte[]> record = byPlace.get(place(rejected.event().partition(),
                    rejected.event().offset()));
            LOG.warnf("event at %s-%d offset %d cannot be applied and goes to the dead-letter topic: %s",
                    record.topic(), record.partition(), record.offset(), rejected.reason());
            deadLetters.send(record, rejected.reason());
            deadLettered.increment();
        }
        store.write(writes, DerivedKeys.LIVE, true);
        commit(records);
        applied.increment(writes.applied());
        skipped.increment(writes.skipped());
        if (writes.applied() > 0 || writes.skipped() > 0) {
            LOG.debugf("applied %d events, skipped %d, %d segments changed", writes.applied(), writes.skipped(),
                    writes.rulesets().size());
        }
    }

    /** The batch read Redis without what this service wrote there: it is not written. */
    private static final class StateLostException extends RuntimeException {
        StateLostException() {
            super("Redis lost its state", null, false, false);
        }
    }

    private static long place(int partition, long offset) {
        return ((long) partition << 48) ^ offset;
    }

    private void commit(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        consumer.commitSync(next);
    }

    private void measureLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }
}
