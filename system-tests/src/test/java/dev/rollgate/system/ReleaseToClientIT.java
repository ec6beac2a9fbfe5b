package dev.rollgate.system;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.testing.EventTopicWriter;
import dev.rollgate.testing.ServiceProcess;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events on the real topic, targeting-service and a gateway as processes: the client's answer follows every
 * transition within a second of the event, with the gateway's near cache warm.
 */
class ReleaseToClientIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    private static ServiceProcess targeting;
    private static ServiceProcess gateway;
    private static EventTopicWriter topic;
    private static RedisReader redis;

    @BeforeAll
    static void start() {
        SystemStack stack = SystemStack.get();
        topic = new EventTopicWriter(stack.kafka());
        redis = new RedisReader(SystemStack.redis());
        targeting = stack.targeting;
        gateway = stack.gatewayA;
    }

    @AfterAll
    static void stop() {
        topic.close();
        redis.close();
    }

    private static String version(String app, String userId, String city) {
        List<String> versions = given().baseUri(gateway.url())
                .queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2")
                .queryParam("userId", userId).queryParam("city", city)
                .get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                .extract().jsonPath().getList("packages.version");
        return versions.isEmpty() ? null : versions.get(0);
    }

    private static void within(Duration deadline, String app, String userId, String city, String expected) {
        await().atMost(deadline).pollInterval(Duration.ofMillis(10))
                .until(() -> java.util.Objects.equals(expected, version(app, userId, city)));
    }

    private static void soon(String app, String userId, String city, String expected) {
        within(PROPAGATION, app, userId, city, expected);
    }

    @Test
    void theClientsAnswerFollowsEveryTransitionWithinASecond() throws Exception {
        String app = "e" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        topic.publish(app, "app-" + app, 1, new AppRegistered(app, "Shop"));
        topic.publish(app, "whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        topic.publish(app, "whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of("u1")));
        topic.publish(app, "task-t0", 1, Events.official("t0", "20000001", "1.0.0"));
        topic.publish(app, "task-t0", 2, new ReleaseTaskFinished("t0", "20000001", "1.0.0", Platform.ANDROID,
                ReleaseType.OFFICIAL));
        // The first answer may wait for targeting-service to catch up with the topic; after it, the cache is warm.
        within(Duration.ofSeconds(30), app, "u1", "Hangzhou", "1.0.0");

        topic.publish(app, "task-t1", 1, Events.byWhitelistInCity("t1", "20000001", "1.0.1", "w1", "Hangzhou"));
        soon(app, "u1", "Hangzhou", "1.0.1");
        assertThat(version(app, "u1", "Beijing")).isEqualTo("1.0.0");
        assertThat(version(app, "u2", "Hangzhou")).isEqualTo("1.0.0");

        // The gateway remembers what Redis said of u1 and u2; a change of members must reach them all the same.
        topic.publish(app, "whitelist-w1", 3, new WhitelistMembersAdded("w1", List.of("u2")));
        soon(app, "u2", "Hangzhou", "1.0.1");
        topic.publish(app, "whitelist-w1", 4, new WhitelistMembersRemoved("w1", List.of("u1")));
        soon(app, "u1", "Hangzhou", "1.0.0");
        topic.publish(app, "whitelist-w1", 5, new WhitelistMembersAdded("w1", List.of("u1")));
        soon(app, "u1", "Hangzhou", "1.0.1");

        topic.publish(app, "task-t1", 2, new ReleaseTaskPaused("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.GRAYSCALE));
        soon(app, "u1", "Hangzhou", "1.0.0");
        topic.publish(app, "task-t1", 3, new ReleaseTaskResumed("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.GRAYSCALE));
        soon(app, "u1", "Hangzhou", "1.0.1");
        topic.publish(app, "task-t1", 4, new ReleaseTaskPromoted("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.OFFICIAL));
        soon(app, "u2", "Beijing", "1.0.1");
        topic.publish(app, "task-t1", 5, new ReleaseTaskFinished("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.OFFICIAL));
        topic.publish(app, "task-t2", 1, Events.official("t2", "20000001", "1.0.2"));
        soon(app, "u2", "Beijing", "1.0.2");
        topic.publish(app, "task-t2", 2, new ReleaseTaskCancelled("t2", "20000001", "1.0.2", Platform.ANDROID,
                ReleaseType.OFFICIAL));
        soon(app, "u2", "Beijing", "1.0.1");

        // A redelivered creation changes nothing; a poison message goes aside and the next event is applied.
        String before = redis.get(RedisKeys.ruleset(app, Platform.ANDROID));
        topic.publish(app, "task-t2", 1, Events.official("t2", "20000001", "1.0.2"));
        topic.raw(app, "{\"type\":".getBytes(StandardCharsets.UTF_8));
        topic.publish(app, "task-t3", 1, Events.official("t3", "20000002", "3.0"));
        await().atMost(PROPAGATION).until(() -> given().baseUri(gateway.url())
                .queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2")
                .get("/client/v1/apps/{app}/packages", app).jsonPath().getList("packages").size() == 2);
        Ruleset after = RulesetJson.read(redis.get(RedisKeys.ruleset(app, Platform.ANDROID)));
        assertThat(after.packages()).extracting(PackageRules::packageId).containsExactly("20000001", "20000002");
        assertThat(after.packages().get(0)).isEqualTo(RulesetJson.read(before).packages().get(0));
        assertThat(version(app, "u2", "Beijing")).isEqualTo("1.0.1");

        // A rebuild from the topic gives the same bytes, and the same answer.
        String built = redis.get(RedisKeys.ruleset(app, Platform.ANDROID));
        given().baseUri(targeting.url()).post("/admin/rebuild").then().statusCode(200);
        assertThat(redis.get(RedisKeys.ruleset(app, Platform.ANDROID))).isEqualTo(built);
        soon(app, "u2", "Beijing", "1.0.1");
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
