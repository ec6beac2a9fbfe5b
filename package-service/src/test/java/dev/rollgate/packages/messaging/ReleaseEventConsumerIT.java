package dev.rollgate.packages.messaging;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.packages.rest.CatalogFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ReleaseEventConsumerIT {

    private static KafkaCompanion kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        kafka.registerSerde(String.class, Serdes.String());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static void publish(String appKey, String streamId, long streamVersion, EventData data) {
        String value = EventJson.write(EventJson.envelope(UUID.randomUUID(), appKey, streamId, streamVersion,
                Instant.now(), "tester", data));
        kafka.produce(String.class, String.class)
                .fromRecords(new ProducerRecord<>(Topics.RELEASE_EVENTS, appKey, value))
                .awaitCompletion();
    }

    private static String state(String app, String version) {
        return given().queryParam("platform", "ANDROID")
                .get("/api/v1/apps/{app}/packages/20000001/versions/{v}", app, version).jsonPath().getString("state");
    }

    private static void awaitState(String app, String version, String state) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(state(app, version)).isEqualTo(state));
    }

    @Test
    void aVersionFollowsItsTaskThroughEveryTransition() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "1.0.0.1", "ANDROID");
        String stream = "release-task-" + UUID.randomUUID();
        Platform p = Platform.ANDROID;

        publish(app, stream, 1, new ReleaseTaskCreated("t1", "20000001", "1.0.0.1", p, ReleaseType.GRAYSCALE, null,
                List.of(), null, null, null));
        awaitState(app, "1.0.0.1", "GRAYSCALE_RELEASING");
        given().get("/api/v1/apps/{app}/packages", app).then()
                .body("items[0].status", org.hamcrest.Matchers.equalTo("GRAYSCALE_RELEASING"));

        publish(app, stream, 2, new ReleaseTaskPaused("t1", "20000001", "1.0.0.1", p, ReleaseType.GRAYSCALE));
        awaitState(app, "1.0.0.1", "PAUSED");
        publish(app, stream, 3, new ReleaseTaskResumed("t1", "20000001", "1.0.0.1", p, ReleaseType.GRAYSCALE));
        awaitState(app, "1.0.0.1", "GRAYSCALE_RELEASING");
        publish(app, stream, 4, new ReleaseTaskPromoted("t1", "20000001", "1.0.0.1", p, ReleaseType.OFFICIAL));
        awaitState(app, "1.0.0.1", "OFFICIAL_RELEASING");
        publish(app, stream, 5, new ReleaseTaskFinished("t1", "20000001", "1.0.0.1", p, ReleaseType.OFFICIAL));
        awaitState(app, "1.0.0.1", "FINISHED_RELEASE");
        given().queryParam("status", "FINISHED_RELEASE").get("/api/v1/apps/{app}/packages", app).then()
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "1.0", "ANDROID");
        String stream = "release-task-" + UUID.randomUUID();
        Platform p = Platform.ANDROID;
        publish(app, stream, 1, new ReleaseTaskCreated("t", "20000001", "1.0", p, ReleaseType.OFFICIAL, null,
                List.of(), null, null, null));
        publish(app, stream, 2, new ReleaseTaskCancelled("t", "20000001", "1.0", p, ReleaseType.OFFICIAL));
        awaitState(app, "1.0", "CANCELLED");

        // The creation again, as a redelivery would bring it, then a marker event on another stream.
        publish(app, stream, 1, new ReleaseTaskCreated("t", "20000001", "1.0", p, ReleaseType.OFFICIAL, null,
                List.of(), null, null, null));
        CatalogFixture.version(app, "20000001", "1.1", "ANDROID");
        publish(app, "release-task-" + UUID.randomUUID(), 1, new ReleaseTaskCreated("t2", "20000001", "1.1", p,
                ReleaseType.GRAYSCALE, null, List.of(), null, null, null));
        awaitState(app, "1.1", "GRAYSCALE_RELEASING");
        assertThat(state(app, "1.0")).isEqualTo("CANCELLED");
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicAndTheNextIsApplied() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "3.0", "ANDROID");
        String poison = "{\"not\":\"an event\", \"app\":\"" + app + "\"}";
        ConsumerTask<String, String> dlq = kafka.consume(String.class, String.class)
                .fromTopics(Topics.RELEASE_EVENTS_DLQ);
        try {
            kafka.produce(String.class, String.class)
                    .fromRecords(new ProducerRecord<>(Topics.RELEASE_EVENTS, app, poison)).awaitCompletion();
            publish(app, "release-task-" + UUID.randomUUID(), 1, new ReleaseTaskCreated("t", "20000001", "3.0",
                    Platform.ANDROID, ReleaseType.OFFICIAL, null, List.of(), null, null, null));

            awaitState(app, "3.0", "OFFICIAL_RELEASING");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dlq.getRecords())
                    .anySatisfy(record -> {
                        assertThat(record.value()).isEqualTo(poison);
                        assertThat(new String(record.headers().lastHeader("dead-letter-reason").value(),
                                StandardCharsets.UTF_8)).contains("event envelope");
                    }));
        } finally {
            dlq.close();
        }
    }
}
