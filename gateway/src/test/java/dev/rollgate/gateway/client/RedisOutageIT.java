package dev.rollgate.gateway.client;

import dev.rollgate.contracts.ruleset.PackageRules;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.rollgate.gateway.client.Segments.byWhitelist;
import static dev.rollgate.gateway.client.Segments.cityIn;
import static dev.rollgate.gateway.client.Segments.finished;
import static dev.rollgate.gateway.client.Segments.official;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** With Redis gone, a gateway answers from its near cache where it can, and says 503 where it cannot. */
@QuarkusTest
@TestProfile(RedisOutageIT.OwnRedis.class)
class RedisOutageIT {

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateRedis.class));
        }
    }

    @Inject
    Redis redis;

    @Test
    void cachedSegmentsAreStillAnsweredWithUnknownMembersFailingClosedAndOthersGet503() {
        Segments segments = new Segments(redis);
        String cached = Segments.newApp();
        String uncached = Segments.newApp();
        segments.register(cached);
        segments.register(uncached);
        writeCached(segments, cached, true);
        given().queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2").queryParam("userId", "u1")
                .queryParam("city", "Hangzhou").get("/client/v1/apps/{app}/packages", cached).then()
                .statusCode(200).body("packages[0].version", equalTo("1.0.2"));

        PrivateRedis.stopRedis();

        given().queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2").queryParam("userId", "u2")
                .queryParam("city", "Hangzhou").get("/client/v1/apps/{app}/packages", cached).then()
                .statusCode(200)
                .body("revision", equalTo(5))
                .body("packages[0].version", equalTo("1.0.1"))
                .body("packages[1].version", equalTo("2.0"));
        // What Redis said of u1 before it went stands for this revision of the segment.
        given().queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2").queryParam("userId", "u1")
                .queryParam("city", "Hangzhou").get("/client/v1/apps/{app}/packages", cached).then()
                .statusCode(200).body("packages[0].version", equalTo("1.0.2"));
        given().queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2")
                .get("/client/v1/apps/{app}/packages", uncached).then()
                .statusCode(503).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200);

        // Back, empty, then given the same data again: u2, whose whitelist check failed closed while Redis was
        // down, asks the same question again and gets the version Redis now admits it to.
        PrivateRedis.startRedis();
        segments.register(cached);
        writeCached(segments, cached, false);
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() -> given()
                .queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2").queryParam("userId", "u2")
                .queryParam("city", "Hangzhou").get("/client/v1/apps/{app}/packages", cached).then()
                .statusCode(200).body("packages[0].version", equalTo("1.0.2")));
    }

    /** Revision 5 of the app the gateway has cached: whitelist w1 (u1, u2) in Hangzhou, and an official task. */
    private static void writeCached(Segments segments, String app, boolean announce) {
        segments.members(app, "w1", "u1", "u2");
        segments.write(app, 5, announce,
                new PackageRules("20000001", List.of(finished("20000001", "1.0.1")),
                        List.of(byWhitelist("t1", "20000001", "1.0.2", "w1", List.of(cityIn("Hangzhou"))))),
                new PackageRules("20000002", List.of(), List.of(official("t2", "20000002", "2.0"))));
    }
}
