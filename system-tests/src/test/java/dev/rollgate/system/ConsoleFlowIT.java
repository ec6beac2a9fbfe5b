package dev.rollgate.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The seed's flow end to end, as the README tells it: the console through one gateway, clients through
 * the other, every change reaching the clients within a second.
 */
class ConsoleFlowIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    private static Console console;
    private static Clients clients;

    @BeforeAll
    static void start() {
        SystemStack stack = SystemStack.get();
        console = new Console(stack.gatewayA.url(), "alice");
        clients = new Clients(stack.gatewayB.url());
    }

    @Test
    void appPackagesVersionsAndEveryKindOfReleaseReachTheRightClients() {
        String app = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String apps = "/api/v1/apps/" + app;
        console.post("/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"Shop\"}").statusCode(201);
        for (String pkg : new String[] {"20000001", "20000002", "20000003"}) {
            console.post(apps + "/packages", "{\"packageId\":\"" + pkg + "\",\"name\":\"P" + pkg + "\",\"type\":\"NORMAL\"}")
                    .statusCode(201);
        }
        console.version(app, "20000001", "1.0.0");
        console.version(app, "20000002", "2.0.0");
        console.version(app, "20000003", "3.0.0");

        // A baseline for Checkout, then a grayscale release to a whitelist in one city.
        String baseline = console.createTask(app, task("20000001", "1.0.0", "OFFICIAL", null, null));
        console.command(app, baseline, "finish");
        clients.await(Duration.ofSeconds(10), app, "20000001", "u9", "Beijing", "1.0.0");
        console.version(app, "20000001", "1.1.0");
        String whitelist = console.post(apps + "/whitelists", "{\"name\":\"beta\",\"idType\":\"USER_ID\"}")
                .statusCode(201).extract().path("whitelistId");
        console.post(apps + "/whitelists/" + whitelist + "/members", "{\"ids\":[\"u1\",\"u2\"]}").statusCode(200)
                .body("added", equalTo(2));
        String gray = console.createTask(app, task("20000001", "1.1.0", "GRAYSCALE",
                "{\"mode\":\"WHITELIST\",\"whitelistIds\":[\"" + whitelist + "\"]}",
                "[{\"type\":\"CITY\",\"operator\":\"IN\",\"values\":[\"Hangzhou\"]}]"));
        clients.await(PROPAGATION, app, "20000001", "u1", "Hangzhou", "1.1.0");
        assertThat(clients.version(app, "20000001", "u1", "Beijing")).isEqualTo("1.0.0");
        assertThat(clients.version(app, "20000001", "u9", "Hangzhou")).isEqualTo("1.0.0");

        console.command(app, gray, "pause");
        clients.await(PROPAGATION, app, "20000001", "u1", "Hangzhou", "1.0.0");
        console.command(app, gray, "resume");
        clients.await(PROPAGATION, app, "20000001", "u1", "Hangzhou", "1.1.0");
        console.command(app, gray, "promote");
        clients.await(PROPAGATION, app, "20000001", "u9", "Beijing", "1.1.0");
        console.command(app, gray, "finish");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                console.get(apps + "/packages/20000001/versions/1.1.0?platform=ANDROID").statusCode(200)
                        .body("state", equalTo("FINISHED_RELEASE")));

        // A batch: both other packages at once.
        console.post(apps + "/release-tasks/batch",
                        "{\"packageIds\":[\"20000002\",\"20000003\"],\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}")
                .statusCode(201).body("tasks", hasSize(2));
        clients.await(PROPAGATION, app, "20000003", "u9", null, "3.0.0");
        assertThat(clients.version(app, "20000002", "u9", null)).isEqualTo("2.0.0");

        // A time window for two users, then cancelled: everyone falls back.
        console.version(app, "20000001", "1.2.0");
        String window = console.createTask(app, task("20000001", "1.2.0", "GRAYSCALE",
                "{\"mode\":\"TIME_WINDOW\",\"endTime\":\"" + Instant.now().plus(1, ChronoUnit.DAYS)
                        + "\",\"usersCount\":2}", null));
        clients.await(PROPAGATION, app, "20000001", "w1", null, "1.2.0");
        assertThat(clients.version(app, "20000001", "w2", null)).isEqualTo("1.2.0");
        assertThat(clients.version(app, "20000001", "w3", null)).isEqualTo("1.1.0");
        assertThat(clients.version(app, "20000001", "w1", null)).isEqualTo("1.2.0");
        console.post("/api/v1/apps/" + app + "/simulate",
                        "{\"platform\":\"ANDROID\",\"clientVersion\":\"10.2\",\"userId\":\"w9\",\"packageIds\":[\"20000001\"]}")
                .statusCode(200).body("packages[0].tasks[0].audience.slot", equalTo("NONE_LEFT"))
                .body("packages[0].chosen.version", equalTo("1.1.0"));
        console.command(app, window, "cancel");
        clients.await(PROPAGATION, app, "20000001", "w1", null, "1.1.0");

        // The audit trail names who did what, in order.
        console.get(apps + "/release-tasks/" + gray + "/events").statusCode(200)
                .body("type", contains("ReleaseTaskCreated", "ReleaseTaskPaused", "ReleaseTaskResumed",
                        "ReleaseTaskPromoted", "ReleaseTaskFinished"))
                .body("actor", everyItem(equalTo("alice")));
        console.get(apps + "/packages").statusCode(200).body("total", equalTo(3));
    }

    private static String task(String packageId, String version, String type, String grayscale, String rules) {
        return "{\"packageId\":\"" + packageId + "\",\"version\":\"" + version + "\",\"platform\":\"ANDROID\","
                + "\"releaseType\":\"" + type + "\""
                + (grayscale == null ? "" : ",\"grayscale\":" + grayscale)
                + (rules == null ? "" : ",\"rules\":" + rules) + "}";
    }
}
