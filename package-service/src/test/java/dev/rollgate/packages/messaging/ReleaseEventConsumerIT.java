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
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

    /** A task's creation as release-service writes it: with its audience and the version's artifact. */
    private static ReleaseTaskCreated created(String taskId, String version, Platform platform, ReleaseType type) {
        return new ReleaseTaskCreated(taskId, "20000001", version, platform, type,
                type == ReleaseType.GRAYSCALE ? GrayscaleSpec.timeWindow(Instant.now().plusSeconds(3_600), 10) : null,
                List.of(), null, null, new VersionArtifact("https://cdn.example.com/" + version + ".zip",
                "ab".repeat(32), 1000, null, null, "10.0", null));
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

        publish(app, stream, 1, created("t1", "1.0.0.1", p, ReleaseType.GRAYSCALE));
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
        publish(app, stream, 1, created("t", "1.0", p, ReleaseType.OFFICIAL));
        publish(app, stream, 2, new ReleaseTaskCancelled("t", "20000001", "1.0", p, ReleaseType.OFFICIAL));
        awaitState(app, "1.0", "CANCELLED");

        // The creation again, as a redelivery would bring it, then a marker event on another stream.
        publish(app, stream, 1, created("t", "1.0", p, ReleaseType.OFFICIAL));
        CatalogFixture.version(app, "20000001", "1.1", "ANDROID");
        publish(app, "release-task-" + UUID.randomUUID(), 1, created("t2", "1.1", p, ReleaseType.GRAYSCALE));
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
            publish(app, "release-task-" + UUID.randomUUID(), 1, created("t", "3.0", Platform.ANDROID,
                    ReleaseType.OFFICIAL));

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

    @Test
    void eventsWithoutWhatTheConsumerNeedsAreDeadLettersAndTheConsumerGoesOn() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "4.0", "ANDROID");
        String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"%s\",\"schemaVersion\":1,"
                + "\"appKey\":\"" + app + "\",\"streamId\":\"release-task-p\",\"streamVersion\":1,\"data\":%s}";
        String nullData = envelope.formatted("ReleaseTaskPaused", "null");
        String noPlatform = envelope.formatted("ReleaseTaskPaused", "{\"taskId\":\"p\",\"packageId\":\"20000001\","
                + "\"version\":\"4.0\",\"releaseType\":\"OFFICIAL\"}");
        ConsumerTask<String, String> dlq = kafka.consume(String.class, String.class)
                .fromTopics(Topics.RELEASE_EVENTS_DLQ);
        try {
            kafka.produce(String.class, String.class).fromRecords(
                    new ProducerRecord<>(Topics.RELEASE_EVENTS, app, nullData),
                    new ProducerRecord<>(Topics.RELEASE_EVENTS, app, noPlatform)).awaitCompletion();
            publish(app, "release-task-" + UUID.randomUUID(), 1, created("t", "4.0", Platform.ANDROID,
                    ReleaseType.OFFICIAL));

            awaitState(app, "4.0", "OFFICIAL_RELEASING");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dlq.getRecords())
                    .filteredOn(record -> record.value().contains(app))
                    .extracting(record -> new String(record.headers().lastHeader("dead-letter-reason").value(),
                            StandardCharsets.UTF_8))
                    .anySatisfy(reason -> assertThat(reason).contains("lacks type, appKey, streamId or data"))
                    .anySatisfy(reason -> assertThat(reason).contains("platform is missing")));
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            dlq.close();
        }
    }

    private static ProducerRecord<String, String> record(String appKey, String streamId, long streamVersion,
                                                         EventData data) {
        return new ProducerRecord<>(Topics.RELEASE_EVENTS, appKey, EventJson.write(EventJson.envelope(UUID.randomUUID(),
                appKey, streamId, streamVersion, Instant.now(), "tester", data)));
    }

    private static double transactions() {
        String metrics = given().get("/q/metrics").asString();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^rollgate_release_events_transactions_total(?:\\{[^}]*\\})? ([0-9.eE+]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aBurstOfEventsIsAppliedInAFewTransactionsNotOneEach() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        List<ProducerRecord<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CatalogFixture.version(app, "20000001", "5." + i, "ANDROID");
            burst.add(record(app, "release-task-" + UUID.randomUUID(), 1,
                    created("t" + i, "5." + i, Platform.ANDROID, ReleaseType.GRAYSCALE)));
        }
        double before = transactions();

        kafka.produce(String.class, String.class).fromRecords(burst).awaitCompletion();

        for (int i = 0; i < 40; i++) {
            awaitState(app, "5." + i, "GRAYSCALE_RELEASING");
        }
        assertThat(transactions() - before).isBetween(1.0, 20.0);
    }

    @Test
    void aPoisonEventInABatchGoesAloneToTheDeadLetterTopicAndTheRestAreApplied() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "6.0", "ANDROID");
        CatalogFixture.version(app, "20000001", "6.1", "ANDROID");
        CatalogFixture.version(app, "20000001", "6.2", "ANDROID");
        // Readable, but its stream id is longer than the applied-stream column: its transaction always fails.
        String tooLong = "release-task-" + "x".repeat(300);
        ConsumerTask<String, String> dlq = kafka.consume(String.class, String.class)
                .fromTopics(Topics.RELEASE_EVENTS_DLQ);
        try {
            kafka.produce(String.class, String.class).fromRecords(
                    record(app, "release-task-" + UUID.randomUUID(), 1, created("a", "6.0", Platform.ANDROID,
                            ReleaseType.OFFICIAL)),
                    record(app, tooLong, 1, created("b", "6.1", Platform.ANDROID, ReleaseType.OFFICIAL)),
                    record(app, "release-task-" + UUID.randomUUID(), 1, created("c", "6.2", Platform.ANDROID,
                            ReleaseType.OFFICIAL))).awaitCompletion();

            awaitState(app, "6.0", "OFFICIAL_RELEASING");
            awaitState(app, "6.2", "OFFICIAL_RELEASING");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(dlq.getRecords())
                    .filteredOn(r -> r.value().contains(app))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.value()).contains(tooLong);
                        assertThat(r.key()).isEqualTo(app);
                        assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull();
                    }));
            assertThat(state(app, "6.1")).isEqualTo("TO_BE_RELEASED");
        } finally {
            dlq.close();
        }
    }

    /**
     * A task's event and a higher version's registration at once, on many packages: the event's write must
     * never put the package's head back to the lower version (which let a version between the two in).
     */
    @Test
    void aReleaseEventRacingANewVersionNeverTakesThePackageHeadBack() throws Exception {
        String app = CatalogFixture.app();
        List<String> packages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String packageId = CatalogFixture.nextPackageId();
            CatalogFixture.pkg(app, packageId, "P" + i);
            CatalogFixture.version(app, packageId, "1.0.1", "ANDROID");
            packages.add(packageId);
        }
        // Per package the event goes out and, right after, the higher version is registered, as a release
        // manager would do it; packages in parallel, so the consumer is busy while registrations commit.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = packages.stream().map(packageId -> pool.submit(() -> {
                publish(app, "release-task-" + UUID.randomUUID(), 1, new ReleaseTaskCreated("t-" + packageId,
                        packageId, "1.0.1", Platform.ANDROID, ReleaseType.OFFICIAL, null, List.of(), null, null,
                        new VersionArtifact("https://cdn.example.com/1.0.1.zip", "ab".repeat(32), 1000, null, null,
                                "10.0", null)));
                CatalogFixture.version(app, packageId, "1.0.2", "ANDROID");
            })).collect(Collectors.toList());
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (String packageId : packages) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given()
                    .queryParam("platform", "ANDROID")
                    .get("/api/v1/apps/{app}/packages/{p}/versions/1.0.1", app, packageId).jsonPath().getString("state"))
                    .isEqualTo("OFFICIAL_RELEASING"));
            given().get("/api/v1/apps/{app}/packages/{p}", app, packageId).then().statusCode(200)
                    .body("highestVersion", org.hamcrest.Matchers.equalTo("1.0.2"));
            given().contentType(io.restassured.http.ContentType.JSON)
                    .body(CatalogFixture.versionBody("1.0.1.5", "ANDROID"))
                    .post("/api/v1/apps/{app}/packages/{p}/versions", app, packageId).then().statusCode(409);
        }
    }
}
