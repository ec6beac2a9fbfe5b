package dev.rollgate.outbox;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.testing.KafkaTopicReader;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/** Events, appends and read-backs that the outbox tests share. */
public final class OutboxTestData {

    public static final String TOPIC = "rollgate.outbox-test";
    public static final Duration AWAIT = Duration.ofSeconds(20);

    private OutboxTestData() {
    }

    public static String newAppKey() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Distinct events: a payload that names its position, so the read-back can tell them apart. */
    public static List<PendingEvent> events(String appKey, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new PendingEvent(appKey, "tester", new WhitelistDeleted("w-" + i)))
                .toList();
    }

    public static PendingEvent registered(String appKey) {
        return new PendingEvent(appKey, "tester", new AppRegistered(appKey, "App " + appKey));
    }

    public static List<RecordedEvent> append(Mutiny.SessionFactory sessions, EventStore store, String streamId,
                                             long expected, List<PendingEvent> events) {
        return sessions.withTransaction(session -> store.append(session, streamId, expected, events))
                .await().atMost(AWAIT);
    }

    /**
     * Waits inside a transaction for a gate that another thread opens, then carries on on the session's own
     * Vert.x context (Hibernate Reactive refuses to go on from any other thread).
     */
    public static Uni<Void> waitFor(CompletionStage<?> gate) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            return Uni.createFrom().completionStage(gate).replaceWithVoid()
                    .emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }

    public static KafkaCompanion companion(String bootstrapServers) {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        kafka.registerSerde(String.class, Serdes.String());
        if (!kafka.topics().list().contains(TOPIC)) {
            kafka.topics().createAndWait(TOPIC, 3);
        }
        return kafka;
    }

    /** Every record of one app on the test topic so far, as envelopes, each partition in order. */
    public static List<EventEnvelope> published(KafkaCompanion kafka, String appKey) {
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTopicReader.readAll(kafka.getBootstrapServers(), TOPIC)) {
            if (appKey.equals(record.key())) {
                try {
                    envelopes.add(EventJson.read(record.value()));
                } catch (UnreadableEventException e) {
                    throw new IllegalStateException("the relay published something that is no event", e);
                }
            }
        }
        return envelopes;
    }

    /**
     * The stream versions of one stream that a consumer applies, reading what was published in order and
     * skipping every version at or below the last it applied, as Rollgate's consumers do. A version published
     * for the first time after a higher one is then missing from the list: a loss, not a duplicate.
     */
    public static List<Long> versionsInOrder(List<EventEnvelope> published, String streamId) {
        List<Long> applied = new ArrayList<>();
        long last = 0;
        for (EventEnvelope envelope : published) {
            if (envelope.streamId().equals(streamId) && envelope.streamVersion() > last) {
                applied.add(envelope.streamVersion());
                last = envelope.streamVersion();
            }
        }
        return applied;
    }

    /** How many of one stream's published records repeat a version published before. */
    public static long duplicates(List<EventEnvelope> published, String streamId) {
        List<EventEnvelope> ofStream = published.stream().filter(e -> e.streamId().equals(streamId)).toList();
        return ofStream.size() - ofStream.stream().map(EventEnvelope::streamVersion).distinct().count();
    }
}
