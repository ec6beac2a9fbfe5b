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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

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
    void aLaterCommitWaitsForAnEarlierOpenTransactionAndNeitherIsSkipped() throws Exception {
        String app = newAppKey();
        String early = "release-task-early-" + app;
        String late = "release-task-late-" + app;
        CompletableFuture<Void> inserted = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();

        // The early transaction takes the lower outbox id and stays open; the later one commits first. A relay
        // that read "rows after the last id I sent" would send the late row and skip the early one forever; one
        // that read every committed row would send the late one first, out of commit order.
        CompletionStage<List<RecordedEvent>> slow = sessions.withTransaction(session -> store
                        .append(session, early, 0, events(app, 1))
                        .invoke(() -> inserted.complete(null))
                        .call(() -> OutboxTestData.waitFor(release)))
                .subscribeAsCompletionStage();
        inserted.get(AWAIT.toSeconds(), TimeUnit.SECONDS);
        append(sessions, store, late, 0, events(app, 1));
        // Many of the relay's held-back rechecks (5 ms) and a wake-up by the late commit's NOTIFY.
        Thread.sleep(1_500);
        assertThat(published(kafka, app)).as("held back while an older transaction runs").isEmpty();
        release.complete(null);
        slow.toCompletableFuture().get(AWAIT.toSeconds(), TimeUnit.SECONDS);

        await().atMost(AWAIT).untilAsserted(() -> assertThat(published(kafka, app))
                .extracting(EventEnvelope::streamId).containsExactly(early, late));
    }

    @Test
    void everyAcknowledgedRowIsMarkedSentAndGoesOutOnce() {
        // The relay marks a batch sent in the statement that reads the next one, which still sees that batch
        // unsent: unless it leaves those rows out, each would go out twice.
        String app = newAppKey();
        String stream = "release-task-" + app;
        for (int version = 0; version < 20; version++) {
            append(sessions, store, stream, version, events(app, 1));
        }

        await().atMost(AWAIT).pollInSameThread().untilAsserted(() -> assertThat(count(
                "SELECT count(*) FROM outbox WHERE message_key = '"
                + app + "' AND sent_at IS NULL")).isZero());
        List<EventEnvelope> published = published(kafka, app);
        assertThat(versionsInOrder(published, stream)).hasSize(20);
        assertThat(OutboxTestData.duplicates(published, stream)).isZero();
    }

    @Test
    void anEventTooLargeForTheBrokerIsRefusedWhenWrittenAndNothingOfItsCommandIsWritten() {
        String app = newAppKey();
        String stream = "whitelist-" + app;
        List<String> ids = java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "\u4e2d".repeat(100) + i).toList();
        List<PendingEvent> huge = List.of(new PendingEvent(app, "tester",
                new dev.rollgate.contracts.event.WhitelistMembersAdded("w", ids)));

        assertThatThrownBy(() -> append(sessions, store, stream, 0, huge))
                .isInstanceOf(EventTooLargeException.class).hasMessageContaining("smaller parts");
        assertThat(sessions.withSession(s -> store.load(s, stream)).await().atMost(AWAIT)).isEmpty();
        assertThat(count("SELECT count(*) FROM outbox WHERE message_key = '" + app + "'")).isZero();
    }

    @Test
    void aRowTheBrokerWillNeverTakeIsSetAsideAndTheRowsBehindItGoOut() {
        String app = newAppKey();
        String stream = "release-task-" + app;
        // Written past the outbox's own check, as a row of an older version or a smaller limit would be.
        String oversized = "{\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        sessions.withTransaction(s -> s.createNativeQuery("INSERT INTO outbox (topic, message_key, message_value) "
                        + "VALUES ('" + OutboxTestData.TOPIC + "', :key, :value)")
                .setParameter("key", app).setParameter("value", oversized).executeUpdate())
                .await().atMost(AWAIT);
        append(sessions, store, stream, 0, events(app, 3));

        await().atMost(AWAIT).untilAsserted(() -> assertThat(versionsInOrder(published(kafka, app), stream))
                .containsExactly(1L, 2L, 3L));
        assertThat(published(kafka, app)).hasSize(3);
        assertThat(count("SELECT count(*) FROM outbox_dead_letter WHERE message_key = '" + app
                + "' AND reason LIKE '%bytes%'")).isEqualTo(1);
        // Marked sent by the relay's next read, a moment after the broker took them.
        await().atMost(AWAIT).pollInSameThread().untilAsserted(() -> assertThat(count(
                "SELECT count(*) FROM outbox WHERE message_key = '"
                + app + "' AND sent_at IS NULL")).isZero());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Outbox relay to Kafka' }.data.deadLetters", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'Outbox relay to Kafka' }.data.lastDeadLetter", notNullValue());
    }

    private long count(String sql) {
        return sessions.withSession(s -> s.createNativeQuery(sql, Long.class).getSingleResult())
                .await().atMost(AWAIT);
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
