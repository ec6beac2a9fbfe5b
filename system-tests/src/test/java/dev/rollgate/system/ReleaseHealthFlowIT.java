package dev.rollgate.system;

import dev.rollgate.sdk.DeviceContext;
import dev.rollgate.sdk.RollgateClient;
import dev.rollgate.testing.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Release health on the whole stack: SDK devices install a grayscale version and report; the health
 * endpoint counts them; devices failing to load it pass the safeguard, which pauses the task, and those
 * devices get the baseline; duplicates and refused batches count nothing; a restart keeps the counts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseHealthFlowIT {

    private static final String PKG = "20000001";
    private static final Duration CONVERGE = Duration.ofSeconds(30);

    @TempDir
    static Path storage;

    private static SystemStack stack;
    private static Console console;
    private static PackageFiles files;
    private static String app;
    private static String taskId;
    private static final List<RollgateClient> devices = new ArrayList<>();

    @BeforeAll
    static void release() throws IOException {
        stack = SystemStack.get();
        console = new Console(stack.gatewayA.url(), "rhea");
        files = new PackageFiles();
        app = console.appWithPackage("h", PKG);
        version("1.0.0");
        String baseline = console.createTask(app, "{\"packageId\":\"" + PKG + "\",\"version\":\"1.0.0\","
                + "\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}");
        console.command(app, baseline, "finish");
        version("1.1.0");
        String whitelist = console.post("/api/v1/apps/" + app + "/whitelists", "{\"name\":\"beta\",\"idType\":\"USER_ID\"}")
                .statusCode(201).extract().path("whitelistId");
        console.post("/api/v1/apps/" + app + "/whitelists/" + whitelist + "/members", "{\"ids\":["
                + IntStream.rangeClosed(1, 8).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(",")) + "]}")
                .statusCode(200);
        taskId = console.createTask(app, "{\"packageId\":\"" + PKG + "\",\"version\":\"1.1.0\",\"platform\":\"ANDROID\","
                + "\"releaseType\":\"GRAYSCALE\",\"grayscale\":{\"mode\":\"WHITELIST\",\"whitelistIds\":[\"" + whitelist
                + "\"]},\"safeguard\":{\"maxFailureRate\":0.3,\"minDevices\":5,\"window\":\"PT10M\"}}");
    }

    @AfterAll
    static void stop() {
        devices.forEach(RollgateClient::close);
        files.close();
    }

    private static void version(String version) {
        byte[] zip = Zips.page("Checkout " + version, 2_000);
        console.version(app, PKG, version, files, zip, zip);
    }

    private static RollgateClient device(String user) throws IOException {
        RollgateClient device = RollgateClient.builder(stack.gatewayA.url(), app,
                DeviceContext.builder("ANDROID", "10.2.0").userId(user).deviceId("phone-of-" + user).build(),
                storage.resolve(user)).build();
        device.open();
        devices.add(device);
        return device;
    }

    private static String inUse(RollgateClient device) {
        var installed = device.installed().get(PKG);
        return installed == null ? null : installed.current();
    }

    /** Syncs until the device runs {@code version}; the gateway's own pacing is skipped by new devices. */
    private static void installs(RollgateClient device, String version) {
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(200)).until(() -> {
            device.sync();
            return version.equals(inUse(device));
        });
    }

    private static JsonPath health() {
        return console.get("/api/v1/apps/" + app + "/release-tasks/" + taskId + "/health").statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> report(String device, String outcome) {
        return Map.of("reportId", "r-" + UUID.randomUUID(), "packageId", PKG, "version", "1.1.0", "taskId", taskId,
                "outcome", outcome, "device", device, "at", Instant.now().toString());
    }

    private static io.restassured.response.ValidatableResponse post(List<Map<String, Object>> reports) {
        return given().baseUri(stack.gatewayB.url()).contentType(ContentType.JSON)
                .body(Map.of("platform", "ANDROID", "reports", reports))
                .post("/client/v1/apps/{app}/reports", app).then();
    }

    @Test
    @Order(1)
    void devicesThatInstallAndLaunchTheVersionAreCounted() throws IOException {
        for (int i = 1; i <= 4; i++) {
            RollgateClient device = device("u" + i);
            installs(device, "1.1.0");
            device.reportLaunched(PKG);
            device.reportLaunched(PKG);
            device.flushReports();
        }
        await().atMost(CONVERGE).untilAsserted(() -> {
            JsonPath health = health();
            assertThat(health.getLong("devices.downloaded")).isEqualTo(4);
            assertThat(health.getLong("devices.installed")).isEqualTo(4);
            assertThat(health.getLong("devices.launched")).isEqualTo(4);
            assertThat(health.getLong("devices.failed")).isZero();
        });
        console.get("/api/v1/apps/" + app + "/release-tasks/" + taskId).body("state", equalTo("RELEASING"));
    }

    @Test
    @Order(2)
    void aReportSentTwiceCountsOnceAndARefusedBatchCountsNothing() {
        Map<String, Object> twice = report("1".repeat(64), "LAUNCHED");
        post(List.of(twice)).statusCode(202);
        post(List.of(twice)).statusCode(202);
        Map<String, Object> broken = new java.util.HashMap<>(report("3".repeat(64), "LAUNCHED"));
        broken.put("device", "user-u9");
        post(List.of(report("2".repeat(64), "LAUNCHED"), broken)).statusCode(400);
        post(List.of(report("4".repeat(64), "LAUNCHED"))).statusCode(202);
        await().atMost(CONVERGE).untilAsserted(() -> assertThat(health().getLong("devices.launched")).isEqualTo(6));
        assertThat(health().getLong("devices.reporting")).isEqualTo(6);
    }

    @Test
    @Order(3)
    void devicesFailingToLoadItPauseTheReleaseAndGetTheBaseline() throws IOException {
        List<RollgateClient> failing = new ArrayList<>();
        // Six devices run it; the third failing one takes the failures past 30 % (3 of 9).
        for (int i = 5; i <= 7; i++) {
            RollgateClient device = device("u" + i);
            installs(device, "1.1.0");
            device.reportBroken(PKG);
            device.flushReports();
            failing.add(device);
        }
        await().atMost(CONVERGE).untilAsserted(() -> console.get("/api/v1/apps/" + app + "/release-tasks/" + taskId)
                .body("state", equalTo("PAUSED")).body("updatedBy", equalTo("safeguard")));
        JsonPath health = health();
        assertThat(health.getLong("devices.failed")).isEqualTo(3);
        assertThat(health.getLong("devices.reporting")).isEqualTo(9);
        assertThat(health.getMap("failuresByReason")).containsEntry("LOAD_FAILED", 3);
        List<Map<String, Object>> events = console.get("/api/v1/apps/" + app + "/release-tasks/" + taskId + "/events")
                .extract().jsonPath().getList("$");
        assertThat(events.getLast()).containsEntry("actor", "safeguard").containsEntry("type", "ReleaseTaskPaused");
        assertThat(((Map<?, ?>) events.getLast().get("data")).get("reason").toString())
                .isEqualTo("safeguard: 3 of 9 devices failed in the last 10 min (33.3 %), more than the 30.0 % "
                        + "allowed with at least 5 devices");

        // The client API gives them the baseline at once; each app gets it on its next start (or check).
        for (int i = 5; i <= 8; i++) {
            given().baseUri(stack.gatewayB.url()).queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2.0")
                    .queryParam("userId", "u" + i).get("/client/v1/apps/{app}/packages", app).then()
                    .body("packages[0].version", equalTo("1.0.0"));
        }
        failing.forEach(RollgateClient::close);
        installs(device("u5"), "1.0.0");
    }

    @Test
    @Order(4)
    void theCountsAreTheSameAfterTheCountingServiceRestarts() {
        JsonPath before = health();
        stack.releaseService.stop();
        stack.releaseService.start();
        List<Integer> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            io.restassured.response.Response response = console.request()
                    .get("/api/v1/apps/" + app + "/release-tasks/" + taskId + "/health");
            answered.add(response.statusCode());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonPath after = response.jsonPath();
            assertThat(after.getMap("devices")).isEqualTo(before.getMap("devices"));
            assertThat(after.getMap("failuresByReason")).isEqualTo(before.getMap("failuresByReason"));
        });
        // While its stores come back, the endpoint says so (503 with Retry-After), never a 500.
        assertThat(answered).allMatch(status -> status == 200 || status == 503);
    }

    @Test
    @Order(5)
    void withTwoInstancesEitherAnswersForEveryTask() {
        JsonPath before = health();
        Map<String, String> env = SystemStack.environment(stack.kafka(), SystemStack.redis());
        env.put("DB_NAME", "rollgate_release_system");
        env.put("PACKAGE_SERVICE_URL", stack.packageService.url());
        env.put("STREAMS_STATE_DIR", SystemStack.freshDirectory("release-health-state-2"));
        try (ServiceProcess second = ServiceProcess.start(SystemStack.root(), "release-service", "release-service-2",
                env)) {
            // The six report partitions are shared out between the two; the task's is counted by one of them,
            // and a read at the other is passed on to it.
            for (String instance : List.of(stack.releaseService.url(), second.url())) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    io.restassured.response.Response response = console.request().baseUri(instance)
                            .get("/api/v1/apps/" + app + "/release-tasks/" + taskId + "/health");
                    assertThat(response.statusCode()).isIn(200, 503);
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.jsonPath().getMap("devices")).isEqualTo(before.getMap("devices"));
                });
            }
        }
    }
}
