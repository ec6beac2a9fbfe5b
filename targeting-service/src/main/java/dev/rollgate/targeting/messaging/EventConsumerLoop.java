package dev.rollgate.targeting.messaging;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.targeting.config.TargetingConfig;
import dev.rollgate.targeting.domain.BatchCompiler;
import dev.rollgate.targeting.domain.BatchNeeds;
import dev.rollgate.targeting.domain.BatchWrites;
import dev.rollgate.targeting.domain.ConsumedEvent;
import dev.rollgate.targeting.store.RedisTargetingStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Consumes the release events on a thread of its own and applies them to Redis batch by batch: read what
 * the batch needs, apply it in memory, write the results in one transaction, and only then commit the
 * offsets (at least once; the applied streamVersions make a redelivery harmless). A batch that fails is
 * sought back and tried again after a pause, so nothing is skipped while Redis is down.
 */
@ApplicationScoped
public class EventConsumerLoop {

    private static final Logger LOG = Logger.getLogger(EventConsumerLoop.class);

    private final TargetingConfig config;
    private final RedisTargetingStore store;
    private final Counter applied;
    private final Counter skipped;
    private final Counter deadLettered;
    private final AtomicLong lag = new AtomicLong();
    private final AtomicReference<CompletableFuture<RebuildResult>> rebuildRequest = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile int assignedPartitions;
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private Rebuild rebuild;

    EventConsumerLoop(TargetingConfig config, RedisTargetingStore store, MeterRegistry registry) {
        this.config = config;
        this.store = store;
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

    /** Deletes the derived keys and replays the topic from its start; completes once the replay caught up. */
    public CompletableFuture<RebuildResult> requestRebuild() {
        CompletableFuture<RebuildResult> request = new CompletableFuture<>();
        if (!running) {
            request.completeExceptionally(new RebuildRefusedException("the consumer is not running"));
        } else if (!rebuildRequest.compareAndSet(null, request)) {
            request.completeExceptionally(new RebuildRefusedException("a rebuild is already under way"));
        }
        return request;
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
                startRebuildIfAsked();
                ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
                assignedPartitions = consumer.assignment().size();
                if (!records.isEmpty()) {
                    applyOrRewind(records, deadLetters);
                }
                measureLag();
                finishRebuildIfCaughtUp();
            }
        } catch (WakeupException e) {
            // stop() woke the poll: leave.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the release-event consumer stopped", e);
        } finally {
            running = false;
            failRebuild(new RebuildRefusedException("the consumer stopped"));
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void applyOrRewind(ConsumerRecords<String, byte[]> records, DeadLetters deadLetters)
            throws InterruptedException {
        try {
            apply(records, deadLetters);
            lastFailure.set(null);
        } catch (RuntimeException e) {
            lastFailure.set(e.getMessage());
            LOG.warnf("a batch of %d events could not be applied, retrying in %s: %s", records.count(),
                    config.retryBackoff(), e.getMessage());
            for (TopicPartition partition : records.partitions()) {
                consumer.seek(partition, records.records(partition).get(0).offset());
            }
            Thread.sleep(config.retryBackoff().toMillis());
        }
    }

    private void apply(ConsumerRecords<String, byte[]> records, DeadLetters deadLetters) throws InterruptedException {
        List<ConsumedEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                EventEnvelope envelope = EventJson.read(record.value());
                events.add(new ConsumedEvent(record.partition(), record.offset(), envelope, EventJson.data(envelope)));
            } catch (UnreadableEventException e) {
                LOG.warnf("event at %s-%d offset %d goes to the dead-letter topic: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                deadLetters.send(record, e.getMessage());
                deadLettered.increment();
            }
        }
        BatchWrites writes = BatchCompiler.compile(events, store.load(BatchNeeds.of(events)));
        for (BatchWrites.Rejected rejected : writes.rejected()) {
            ConsumerRecord<String, byte[]> record = records.records(
                    new TopicPartition(Topics.RELEASE_EVENTS, rejected.event().partition())).stream()
                    .filter(r -> r.offset() == rejected.event().offset()).findFirst().orElseThrow();
            LOG.warnf("event at %s-%d offset %d cannot be applied and goes to the dead-letter topic: %s",
                    record.topic(), record.partition(), record.offset(), rejected.reason());
            deadLetters.send(record, rejected.reason());
            deadLettered.increment();
        }
        store.write(writes);
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            next.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        consumer.commitSync(next);
        applied.increment(writes.applied());
        skipped.increment(writes.skipped());
        if (rebuild != null) {
            rebuild.eventsApplied += writes.applied();
        }
        if (writes.applied() > 0 || writes.skipped() > 0) {
            LOG.debugf("applied %d events, skipped %d, %d segments changed", writes.applied(), writes.skipped(),
                    writes.rulesets().size());
        }
    }

    private void measureLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag.set(total);
    }

    private void startRebuildIfAsked() {
        CompletableFuture<RebuildResult> request = rebuildRequest.get();
        if (request == null || rebuild != null) {
            return;
        }
        Set<TopicPartition> assignment = consumer.assignment();
        int partitions = consumer.partitionsFor(Topics.RELEASE_EVENTS).size();
        if (assignment.isEmpty() || assignment.size() < partitions) {
            rebuildRequest.set(null);
            request.completeExceptionally(new RebuildRefusedException("this instance holds " + assignment.size()
                    + " of the topic's " + partitions + " partitions: a rebuild needs one targeting-service"
                    + " instance holding them all (scale to one replica, rebuild, scale back)"));
            return;
        }
        long deleted;
        try {
            deleted = store.deleteDerivedKeys();
        } catch (RuntimeException e) {
            rebuildRequest.set(null);
            request.completeExceptionally(e);
            return;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assignment);
        consumer.seekToBeginning(assignment);
        rebuild = new Rebuild(request, end, deleted, System.nanoTime());
        LOG.infof("rebuild: deleted %d derived Redis keys, replaying %s from the start", deleted,
                Topics.RELEASE_EVENTS);
    }

    private void finishRebuildIfCaughtUp() {
        if (rebuild == null) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> end : rebuild.endOffsets.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return;
            }
        }
        RebuildResult result = new RebuildResult(rebuild.keysDeleted, rebuild.eventsApplied,
                (System.nanoTime() - rebuild.startedNanos) / 1_000_000);
        LOG.infof("rebuild done: %d events applied in %d ms", result.eventsApplied(), result.millis());
        CompletableFuture<RebuildResult> request = rebuild.request;
        rebuild = null;
        rebuildRequest.set(null);
        request.complete(result);
    }

    private void failRebuild(RuntimeException reason) {
        CompletableFuture<RebuildResult> request = rebuildRequest.getAndSet(null);
        if (request != null) {
            request.completeExceptionally(reason);
        }
    }

    private static final class Rebuild {
        final CompletableFuture<RebuildResult> request;
        final Map<TopicPartition, Long> endOffsets;
        final long keysDeleted;
        final long startedNanos;
        long eventsApplied;

        Rebuild(CompletableFuture<RebuildResult> request, Map<TopicPartition, Long> endOffsets, long keysDeleted,
                long startedNanos) {
            this.request = request;
            this.endOffsets = endOffsets;
            this.keysDeleted = keysDeleted;
            this.startedNanos = startedNanos;
        }
    }
}
