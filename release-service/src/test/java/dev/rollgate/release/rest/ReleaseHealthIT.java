package dev.rollgate.release.rest;

import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.contracts.report.ClientReport;
import dev.rollgate.contracts.report.ReportEntry;
import dev.rollgate.contracts.report.ReportGroup;
import dev.rollgate.contracts.report.ReportRecords;
import dev.rollgate.contracts.report.ReportOutcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Reports on the real topic, counted by the real topology: devices per outcome, duplicates once, failure
 * reasons, and a grayscale task paused by its safeguard with the figures in the audit trail.
 */
@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class ReleaseHealthIT {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private static final Duration COUNTED = Duration.ofSeconds(45);
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private static String device(String name) {
        return HexFormat.of().formatHex(name.repeat(64).substring(0, 32).getBytes());
    }

    private static void report(String app, String taskId, String reportId, String device, ReportOutcome outcome,
                               String reason) throws Exception {
        ClientReport report = new ClientReport(app, Platform.ANDROID, reportId, "20000001", "1.0", taskId, outcome,
                reason, device(device), Instant.now());
        producer.send(new ProducerRecord<>(Topics.CLIENT_REPORTS, report.partitionKey(),
                ContractsJson.mapper().writeValueAsBytes(report))).get();
    }

    /** As the gateway sends them: one record for a batch's reports of one task. */
    private static void reportGroup(String app, List<ReportEntry> entries) throws Exception {
        ReportGroup group = new ReportGroup(app, Platform.ANDROID, entries);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CLIENT_REPORTS, group.partitionKey(),
                ReportRecords.write(group));
        record.headers().add(ReportRecords.FORMAT_HEADER, ReportRecords.GROUP);
        producer.send(record).get();
    }

    private static ReportEntry entry(String taskId, String reportId, String device, ReportOutcome outcome,
                                     String reason) {
        return new ReportEntry(reportId, "20000001", "1.0", taskId, outcome, reason, device(device), Instant.now());
    }

    private static JsonPath health(String app, String taskId) {
        return given().get(ReleaseFixture.TASKS + "/{id}/health", app, taskId).then().statusCode(200).extract().jsonPath();
    }

    private static String grayscaleTask(String app, Map<String, Object> safeguard) {
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        String whitelist = ReleaseFixture.whitelist(app, "beta", List.of("u1"));
        Map<String, Object> body = new HashMap<>(ReleaseFixture.grayscaleByWhitelist("20000001", "1.0", whitelist));
        if (safeguard != null) {
            body.put("safeguard", safeguard);
        }
        return ReleaseFixture.create(app, body).statusCode(201).extract().path("taskId");
    }

    @Test
    void aBatchsGroupIsCountedLikeItsReportsOneByOne() throws Exception {
        String app = ReleaseFixture.app();
        String taskId = grayscaleTask(app, null);
        reportGroup(app, List.of(entry(taskId, "g-1", "d1", ReportOutcome.INSTALLED, null),
                entry(taskId, "g-2", "d1", ReportOutcome.LAUNCHED, null),
                entry(taskId, "g-2", "d1", ReportOutcome.LAUNCHED, null),
                entry(taskId, "g-3", "d2", ReportOutcome.INSTALL_FAILED, "HASH_MISMATCH"),
                entry(taskId, "g-4", "d3", ReportOutcome.LAUNCHED, null)));
        // The same group again (a batch the SDK sent twice) and a single-report record beside it.
        reportGroup(app, List.of(entry(taskId, "g-1", "d1", ReportOutcome.INSTALLED, null),
                entry(taskId, "g-3", "d2", ReportOutcome.INSTALL_FAILED, "HASH_MISMATCH")));
        report(app, taskId, "s-1", "d4", ReportOutcome.LAUNCH_FAILED, "LOAD_FAILED");

        await().atMost(COUNTED).untilAsserted(() -> {
            JsonPath health = health(app, taskId);
            assertThat(health.getLong("devices.installed")).isEqualTo(1);
            assertThat(health.getLong("devices.launched")).isEqualTo(2);
            assertThat(health.getLong("devices.installFailed")).isEqualTo(1);
            assertThat(health.getLong("devices.launchFailed")).isEqualTo(1);
            assertThat(health.getLong("devices.reporting")).isEqualTo(4);
            assertThat(health.getLong("devices.failed")).isEqualTo(2);
            assertThat(health.getMap("failuresByReason")).containsEntry("HASH_MISMATCH", 1)
                    .containsEntry("LOAD_FAILED", 1);
        });
    }

    @Test
    void devicesAreCountedOncePerOutcomeAndAFailingReleasePausesItselfWithItsFigures() throws Exception {
        String app = ReleaseFixture.app();
        String taskId = grayscaleTask(app, Map.of("maxFailureRate", 0.3, "minDevices", 5, "window", "PT10M"));
        for (int i = 1; i <= 4; i++) {
            report(app, taskId, "r-install-" + i, "d" + i, ReportOutcome.INSTALLED, null);
            report(app, taskId, "r-launch-" + i, "d" + i, ReportOutcome.LAUNCHED, null);
        }
        // The same report twice, and the same device launching again: neither counts twice.
        report(app, taskId, "r-launch-1", "d1", ReportOutcome.LAUNCHED, null);
        report(app, taskId, "r-launch-1-again", "d1", ReportOutcome.LAUNCHED, null);
        await().atMost(COUNTED).untilAsserted(() -> {
            JsonPath health = health(app, taskId);
            assertThat(health.getLong("devices.launched")).isEqualTo(4);
            assertThat(health.getLong("devices.installed")).isEqualTo(4);
            assertThat(health.getLong("devices.reporting")).isEqualTo(4);
        });
        assertThat(given().get(ReleaseFixture.TASKS + "/{id}", app, taskId).then().extract().<String>path("state"))
                .isEqualTo("RELEASING");

        for (int i = 5; i <= 7; i++) {
            report(app, taskId, "r-fail-" + i, "d" + i, ReportOutcome.INSTALL_FAILED, "SHA256_MISMATCH");
        }
        await().atMost(COUNTED).untilAsserted(() -> given().get(ReleaseFixture.TASKS + "/{id}", app, taskId).then()
                .body("state", equalTo("PAUSED")).body("updatedBy", equalTo("safeguard")));
        JsonPath health = health(app, taskId);
        assertThat(health.getLong("devices.failed")).isEqualTo(3);
        assertThat(health.getLong("devices.reporting")).isEqualTo(7);
        assertThat(health.getDouble("failureRate")).isBetween(0.428, 0.429);
        assertThat(health.getMap("failuresByReason")).containsEntry("SHA256_MISMATCH", 3);
        assertThat(health.getBoolean("window.tripped")).isTrue();
        assertThat(health.getList("perMinute")).hasSize(60);
        given().get(ReleaseFixture.TASKS + "/{id}/events", app, taskId).then()
                .body("actor", hasItem("safeguard"))
                .body("find { it.type == 'ReleaseTaskPaused' }.data.reason",
                        equalTo("safeguard: 3 of 7 devices failed in the last 10 min (42.9 %), more than the 30.0 % "
                                + "allowed with at least 5 devices"));

        // A release manager resumes it deliberately: what came before no longer counts against it.
        ReleaseFixture.command(app, taskId, "resume").statusCode(200);
        report(app, taskId, "r-fail-8", "d8", ReportOutcome.LAUNCH_FAILED, "WHITE_SCREEN");
        await().atMost(COUNTED).untilAsserted(() -> assertThat(health(app, taskId).getLong("devices.failed"))
                .isEqualTo(4));
        Thread.sleep(1_000);
        assertThat(given().get(ReleaseFixture.TASKS + "/{id}", app, taskId).then().extract().<String>path("state"))
                .isEqualTo("RELEASING");
    }

    @Test
    void aGrayscaleTaskGetsTheDefaultSafeguardAndAnOfficialOneNone() {
        String app = ReleaseFixture.app();
        String grayscale = grayscaleTask(app, null);
        given().get(ReleaseFixture.TASKS + "/{id}", app, grayscale).then()
                .body("safeguard.maxFailureRate", equalTo(0.1f)).body("safeguard.minDevices", equalTo(20))
                .body("safeguard.window", equalTo("PT10M"));
        String official = ReleaseFixture.officialTask(app, "20000002", "2.0");
        given().get(ReleaseFixture.TASKS + "/{id}", app, official).then().body("safeguard", equalTo(null));
        given().get(ReleaseFixture.TASKS + "/{id}/health", app, official).then().statusCode(200)
                .body("devices.reporting", equalTo(0)).body("safeguard", equalTo(null))
                .body("window.minutes", equalTo(10));
        given().get(ReleaseFixture.TASKS + "/{id}/health", app, UUID.randomUUID().toString()).then().statusCode(404);
    }

    @Test
    void aSafeguardOutOfBoundsIsRefusedByField() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        Map<String, Object> body = new HashMap<>(ReleaseFixture.official("20000001", "1.0"));
        body.put("safeguard", Map.of("maxFailureRate", 1.5, "minDevices", 0, "window", "PT30S"));
        ReleaseFixture.create(app, body).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("safeguard.maxFailureRate",
                        "safeguard.minDevices", "safeguard.window"));
    }
}
