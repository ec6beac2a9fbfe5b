package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.report.ClientReport;
import dev.rollgate.contracts.report.ReportOutcome;
import dev.rollgate.contracts.report.ReportRecords;
import dev.rollgate.gateway.client.Segments;
import dev.rollgate.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Report batches through the real gateway onto the real topic: taken whole, refused whole, bounded. */
@QuarkusTest
class ReportsIT {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private static final String DEVICE = "a".repeat(64);

    @Inject
    Redis redis;

    private String app;

    @BeforeEach
    void newApp() {
        app = Segments.newApp();
        new Segments(redis).register(app);
    }

    private static Map<String, Object> report(String reportId, String device, ReportOutcome outcome) {
        Map<String, Object> report = new HashMap<>();
        report.put("reportId", reportId);
        report.put("packageId", "20000001");
        report.put("version", "1.0.2");
        report.put("taskId", "6f1c2a1e-0b7d-4a55-9d1e-3c2b1a0f9e8d");
        report.put("outcome", outcome.name());
        report.put("device", device);
        report.put("at", Instant.now().toString());
        return report;
    }

    private static Map<String, Object> batch(List<Map<String, Object>> reports) {
        return Map.of("platform", "ANDROID", "reports", reports);
    }

    private io.restassured.response.ValidatableResponse post(String appKey, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/client/v1/apps/{app}/reports", appKey).then();
    }

    private List<ClientReport> onTopic() {
        List<ClientReport> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTopicReader.readAll(BOOTSTRAP, Topics.CLIENT_REPORTS)) {
            try {
                org.apache.kafka.common.header.Header format = record.headers().lastHeader(ReportRecords.FORMAT_HEADER);
                for (ClientReport report : ReportRecords.read(record.value().getBytes(StandardCharsets.UTF_8),
                        format == null ? null : format.value())) {
                    if (app.equals(report.appKey())) {
                        assertThat(format).as("a record of this gateway is a group of one task's reports").isNotNull();
                        assertThat(record.key()).isEqualTo(report.partitionKey());
                        found.add(report);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    @Test
    void aBatchIsTakenWholeOntoTheReportTopicKeyedByTask() {
        post(app, batch(List.of(report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.INSTALLED),
                report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.LAUNCHED))))
                .statusCode(202).body("accepted", equalTo(2));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(onTopic())
                .extracting(ClientReport::outcome).containsExactlyInAnyOrder(ReportOutcome.INSTALLED, ReportOutcome.LAUNCHED));
        assertThat(onTopic()).allSatisfy(report -> {
            assertThat(report.device()).isEqualTo(DEVICE);
            assertThat(report.taskId()).isEqualTo("6f1c2a1e-0b7d-4a55-9d1e-3c2b1a0f9e8d");
        });
    }

    @Test
    void aBatchNamingTwoTasksBecomesOneRecordPerTask() {
        Map<String, Object> baseline = report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.INSTALLED);
        baseline.remove("taskId");
        post(app, batch(List.of(report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.INSTALLED), baseline,
                report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.LAUNCHED))))
                .statusCode(202).body("accepted", equalTo(3));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(onTopic()).hasSize(3));
        List<ConsumerRecord<String, String>> records = KafkaTopicReader.readAll(BOOTSTRAP, Topics.CLIENT_REPORTS).stream()
                .filter(record -> record.value().contains("\"appKey\":\"" + app + "\"")).toList();
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("6f1c2a1e-0b7d-4a55-9d1e-3c2b1a0f9e8d", app + "/20000001/1.0.2");
    }

    @Test
    void aBatchWithOneBadReportIsRefusedWholeNamingEachField() {
        Map<String, Object> bad = report("r-" + UUID.randomUUID(), "raw-user-id-u1", ReportOutcome.LAUNCHED);
        bad.put("at", Instant.now().minus(Duration.ofDays(30)).toString());
        post(app, batch(List.of(report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.LAUNCHED), bad)))
                .statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", hasItems("reports[1].device", "reports[1].at"));
        post(app, Map.of("platform", "ANDROID", "reports", List.of())).statusCode(400)
                .body("errors.field", hasItems("reports"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.DOWNLOADED));
        }
        post(app, batch(tooMany)).statusCode(400);
        post(app, "{\"platform\":\"ANDROID\",\"reports\":[{\"outcome\":\"EXPLODED\"}]}").statusCode(400);
        assertThat(onTopic()).isEmpty();
    }

    @Test
    void unknownAppsLargeBodiesAndChattyDevicesAreRefused() {
        post("no-such-app-" + UUID.randomUUID().toString().substring(0, 8),
                batch(List.of(report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.LAUNCHED)))).statusCode(404);
        given().contentType(ContentType.JSON).body("{\"platform\":\"ANDROID\",\"reports\":[\"" + "x".repeat(200_000) + "\"]}")
                .post("/client/v1/apps/{app}/reports", app).then().statusCode(413);

        String chatty = "b".repeat(64);
        for (int sent = 0; sent < 50; sent += 25) {
            List<Map<String, Object>> reports = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                reports.add(report("r-" + UUID.randomUUID(), chatty, ReportOutcome.LAUNCHED));
            }
            post(app, batch(reports)).statusCode(202);
        }
        post(app, batch(List.of(report("r-" + UUID.randomUUID(), chatty, ReportOutcome.LAUNCHED))))
                .statusCode(429).header("Retry-After", "60");
        post(app, batch(List.of(report("r-" + UUID.randomUUID(), DEVICE, ReportOutcome.LAUNCHED)))).statusCode(202);
    }
}
