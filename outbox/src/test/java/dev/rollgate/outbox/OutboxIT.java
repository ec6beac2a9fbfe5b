package dev.rollgate.outbox;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static dev.rollgate.outbox.OutboxTestData.AWAIT;
import static dev.rollgate.outbox.OutboxTestData.append;
import static dev.rollgate.outbox.OutboxTestData.events;
import static dev.rollgate.outbox.OutboxTestData.newAppKey;
import static dev.rollgate.outbox.OutboxTestData.published;
import static dev.rollgate.outbox.OutboxTestData.versionsInOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The application's own relay, on the shared test broker. */
@QuarkusTest
class OutboxIT {

    private static KafkaCompanion kafka;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    EventStore store;

    @Inject
    Outbox outbox;

    @BeforeAll
    static void connect() {
        kafka = OutboxTestData.companion(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void appendedEventsReachKafkaInOrderKeyedByTheirApp() {
        String app = newAppKey();
        String first = "whitelist-1-" + app;
        String second = "whitelist-2-" + app;
        append(sessions, store, first, 0, events(app, 3));
        append(sessions, store, second, 0, events(app, 2));
        append(sessions, store, first, 3, events(app, 2));

        await().atMost(AWAIT).untilAsserted(() -> {
            List<EventEnvelope> published = published(kafka, app);
            assertThat(versionsInOrder(published, first)).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(versionsInOrder(published, second)).containsExactly(1L, 2L);
        });
        EventEnvelope stored = sessions.withSession(s -> store.load(s, first)).await().atMost(AWAIT).getFirst()
                .envelope();
        EventEnvelope sent = published(kafka, app).stream().filter(e -> e.streamId().equals(first)).findFirst()
                .orElseThrow();
        assertThat(EventJson.write(sent)).isEqualTo(EventJson.write(stored));
    }

    @Test
    void aTransactionThatCommitsAfterALaterOneIsNotSkipped() throws Exception {
        String app = newAppKey();
        String early = "release-task-early-" + app;
        String late = "release-task-late-" + app;
        CompletableFuture<Void> inserted = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();

        // The early transaction takes the lower outbox id and stays open; the later one commits first. A relay
        // that read "rows after the last id I sent" would send the late row and skip the early one forever.
        CompletionStage<List<RecordedEvent>> slow = sessions.withTransaction(session -> store
                        .append(session, early, 0, events(app, 1))
                        .invoke(() -> inserted.complete(null))
                        .call(() -> OutboxTestData.waitFor(release)))
                .subscribeAsCompletionStage();
        inserted.get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        append(sessions, store, late, 0, events(app, 1));
        release.complete(null);
        slow.toCompletableFuture().get(AWAIT.toSeconds(), TimeUnit.SECONDS);

        await().atMost(AWAIT).untilAsserted(() -> {
            List<EventEnvelope> published = published(kafka, app);
            assertThat(versionsInOrder(published, early)).containsExactly(1L);
            assertThat(versionsInOrder(published, late)).containsExactly(1L);
        });
    }

    @Test
    void envelopesQueuedWithoutAnEventStoreArePublishedToo() {
        String app = newAppKey();
        EventEnvelope registered = EventJson.envelope(UUID.randomUUID(), app, "app-" + app, 1, Instant.now(),
                "tester", OutboxTestData.registered(app).data());
        sessions.withTransaction(session -> outbox.enqueue(session, List.of(registered))).await().atMost(AWAIT);

        await().atMost(AWAIT).untilAsserted(() -> assertThat(published(kafka, app))
                .extracting(EventEnvelope::type).containsExactly("AppRegistered"));
    }

    @Test
    void readinessShowsTheRelayLeadingWithKafkaReachable() {
        await().atMost(AWAIT).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Outbox relay to Kafka' }.data.role", equalTo("LEADER"))
                .body("checks.name", hasItem("Outbox relay to Kafka")));
    }
}
