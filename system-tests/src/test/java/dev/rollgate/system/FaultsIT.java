package dev.rollgate.system;

import dev.rollgate.testing.TestTokens;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Failures lose nothing: a crashed targeting-service, a stopped broker, a flushed Redis. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final Duration CONVERGE = Duration.ofSeconds(45);
    private static SystemStack stack;
    private static Console console;
    private static Clients clients;
    private static String app;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
        console = new Console(stack.gatewayA.url(), "fred");
        clients = new Clients(stack.gatewayB.url());
        app = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        console.post("/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"F\"}").statusCode(201);
    }

    private static String release(int index) {
        String packageId = Integer.toString(30000000 + index);
        console.post("/api/v1/apps/" + app + "/packages", "{\"packageId\":\"" + packageId + "\",\"name\":\"P\","
                + "\"type\":\"NORMAL\"}").statusCode(201);
        console.version(app, packageId, "1.0." + index);
        console.createTask(app, "{\"packageId\":\"" + packageId + "\",\"version\":\"1.0." + index
                + "\",\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}");
        return packageId;
    }

    @Test
    @Order(1)
    void targetingKilledMidStreamAndRestartedConverges() {
        List<String> packages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            packages.add(release(i));
            if (i == 5) {
                stack.targeting.kill();
            }
        }
        stack.targeting.start();
        for (int i = 0; i < packages.size(); i++) {
            clients.await(CONVERGE, app, packages.get(i), "u1", null, "1.0." + i);
        }
    }

    @Test
    @Order(2)
    void withTheBrokerStoppedCommandsAreAcceptedAndClientsGetThemOnceItIsBack() {
        clients.await(CONVERGE, app, release(20), "u1", null, "1.0.20");

        stack.broker.stop();
        String released;
        try {
            released = release(21);
            assertThat(clients.version(app, released, "u1", null)).isNull();
        } finally {
            stack.broker.start();
        }
        clients.await(CONVERGE, app, released, "u1", null, "1.0.21");
    }

    /**
     * A rebuild on a live Redis gives every key it derives the same bytes, and leaves alone the time-window
     * claims, which no event records; gateways never see the app missing meanwhile (targeting's RebuildIT).
     */
    @Test
    @Order(3)
    void aRebuildGivesTheSameKeysAndKeepsTheTimeWindowClaims() {
        String packageId = Integer.toString(30000900);
        console.post("/api/v1/apps/" + app + "/packages", "{\"packageId\":\"" + packageId + "\",\"name\":\"W\","
                + "\"type\":\"NORMAL\"}").statusCode(201);
        console.version(app, packageId, "1.0.900");
        console.createTask(app, "{\"packageId\":\"" + packageId + "\",\"version\":\"1.0.900\",\"platform\":"
                + "\"ANDROID\",\"releaseType\":\"GRAYSCALE\",\"grayscale\":{\"mode\":\"TIME_WINDOW\","
                + "\"endTime\":\"" + java.time.Instant.now().plusSeconds(3_600) + "\",\"usersCount\":2}}");
        clients.await(CONVERGE, app, packageId, "u1", null, "1.0.900");
        try (RedisReader redis = new RedisReader(SystemStack.redis())) {
            Map<String, String> derived = redis.snapshot("rollgate:*" + app + "*");
            Map<String, String> claims = redis.snapshot("rollgate-claims:{" + app + ":*");
            assertThat(derived).isNotEmpty();
            assertThat(claims.values()).anyMatch(holders -> holders.contains("u:u1"));

            given().baseUri(stack.targeting.url()).header("Authorization", "Bearer " + TestTokens.admin("ops"))
                    .post("/admin/rebuild").then().statusCode(200);

            assertThat(redis.snapshot("rollgate:*" + app + "*")).isEqualTo(derived);
            assertThat(redis.snapshot("rollgate-claims:{" + app + ":*")).isEqualTo(claims);
        }
        assertThat(clients.version(app, packageId, "u1", null)).isEqualTo("1.0.900");
    }

    /** Redis emptied: a rebuild from the topic makes every derived key again, byte for byte. */
    @Test
    @Order(4)
    void redisFlushedAndRebuiltGivesTheSameKeysAndAnswers() {
        Map<String, String> before = answers();
        assertThat(before).isNotEmpty();
        try (RedisReader redis = new RedisReader(SystemStack.redis())) {
            Map<String, String> derived = redis.snapshot("rollgate:*" + app + "*");
            redis.send(Request.cmd(Command.FLUSHALL));
            given().baseUri(stack.targeting.url()).header("Authorization", "Bearer " + TestTokens.admin("ops"))
                    .post("/admin/rebuild").then().statusCode(200);
            assertThat(redis.snapshot("rollgate:*" + app + "*")).isEqualTo(derived);
        }
        org.awaitility.Awaitility.await().atMost(CONVERGE).until(() -> answers().equals(before));
    }

    private static Map<String, String> answers() {
        List<Map<String, Object>> packages = given().baseUri(stack.gatewayB.url())
                .queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2").queryParam("userId", "u1")
                .get("/client/v1/apps/{app}/packages", app).then().statusCode(200).extract().path("packages");
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map<String, Object> p : packages) {
            answers.put((String) p.get("packageId"), (String) p.get("version"));
        }
        return answers;
    }
}
