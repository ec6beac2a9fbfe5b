package dev.rollgate.gateway.client;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.rollgate.gateway.client.Segments.byTimeWindow;
import static dev.rollgate.gateway.client.Segments.byWhitelist;
import static dev.rollgate.gateway.client.Segments.cityIn;
import static dev.rollgate.gateway.client.Segments.finished;
import static dev.rollgate.gateway.client.Segments.official;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class ClientApiIT {

    @Inject
    Redis redis;

    private Segments segments;
    private String app;

    @BeforeEach
    void newApp() {
        segments = new Segments(redis);
        app = Segments.newApp();
        segments.register(app);
    }

    private RequestSpecification client(String userId, String city) {
        RequestSpecification spec = given().queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2");
        if (userId != null) {
            spec = spec.queryParam("userId", userId);
        }
        return city == null ? spec : spec.queryParam("city", city);
    }

    private String versionFor(String userId, String city, String packageId) {
        List<String> versions = client(userId, city).get("/client/v1/apps/{app}/packages", app).then()
                .statusCode(200).extract().jsonPath().getList("packages.findAll { it.packageId == '" + packageId
                        + "' }.version");
        return versions.isEmpty() ? null : versions.get(0);
    }

    private void whitelistRelease(long revision) {
        segments.members(app, "w1", "u1", "u2");
        segments.write(app, revision, true,
                new PackageRules("20000001", List.of(finished("20000001", "1.0.1")),
                        List.of(byWhitelist("t1", "20000001", "1.0.2", "w1", List.of(cityIn("Hangzhou"))))),
                new PackageRules("20000002", List.of(finished("20000002", "2.0")), List.of()));
    }

    @Test
    void aWhitelistedClientInTheCityGetsTheGrayscaleVersionAndOthersTheBaseline() {
        whitelistRelease(7);

        client("u1", "Hangzhou").get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                .body("revision", equalTo(7))
                .body("nextCheckAfterSeconds", equalTo(60))
                .body("packages.packageId", contains("20000001", "20000002"))
                .body("packages[0].version", equalTo("1.0.2"))
                // The task behind a targeted answer is named, for the device's reports; a baseline has none.
                .body("packages[0].taskId", equalTo("t1"))
                .body("packages[1].taskId", org.hamcrest.Matchers.nullValue())
                .body("packages[0].releaseType", equalTo("GRAYSCALE"))
                .body("packages[0].downloadUrl", equalTo("https://cdn.example.com/20000001/1.0.2.zip"))
                .body("packages[0].sha256", equalTo("b".repeat(64)))
                .body("packages[0].sizeBytes", equalTo(1234))
                .body("packages[1].version", equalTo("2.0"));
        assertThat(versionFor("u1", "Beijing", "20000001")).isEqualTo("1.0.1");
        assertThat(versionFor("u9", "Hangzhou", "20000001")).isEqualTo("1.0.1");
        assertThat(versionFor(null, "Hangzhou", "20000001")).isEqualTo("1.0.1");
    }

    @Test
    void aClientThatNamesItsInstalledVersionIsOfferedTheSmallerDiffFromIt() {
        segments.write(app, 4, true, new PackageRules("20000001",
                List.of(new FinishedVersion("2.0", Segments.uploaded("20000001", "2.0", 100_000, "1.0", "0.9"))),
                List.of()));

        client("u1", null).queryParam("installed", "20000001:1.0.0,20000002:3")
                .get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                .body("packages[0].version", equalTo("2.0"))
                .body("packages[0].signature", equalTo("c2lnbmF0dXJl"))
                .body("packages[0].contentSha256", equalTo("c".repeat(64)))
                .body("packages[0].diff.fromVersion", equalTo("1.0"))
                .body("packages[0].diff.sizeBytes", equalTo(10_000))
                .body("packages[0].diff.downloadUrl", equalTo("https://cdn.example.com/20000001/2.0-from-1.0.zip"));
        // No diff from a version without one, from one whose diff is not smaller, or for a client that says nothing
        for (String installed : new String[] {"20000001:1.5", "20000001:0.9", "20000001:2.0", ""}) {
            client("u1", null).queryParam("installed", installed).get("/client/v1/apps/{app}/packages", app).then()
                    .statusCode(200).body("packages[0].version", equalTo("2.0"))
                    .body("packages[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("diff")));
        }
        for (String broken : new String[] {"20000001", "2000:1.0", "20000001:one", "20000001:1.0;x"}) {
            client("u1", null).queryParam("installed", broken).get("/client/v1/apps/{app}/packages", app).then()
                    .statusCode(400).body("errors[0].field", equalTo("installed"));
        }
    }

    @Test
    void aClientOutsideEveryClientRangeGetsNothingAndPackageIdsFilter() {
        whitelistRelease(7);

        given().queryParam("platform", "ANDROID").queryParam("clientVersion", "13.0")
                .get("/client/v1/apps/{app}/packages", app).then().statusCode(200).body("packages", hasSize(0));
        client("u1", "Hangzhou").queryParam("packageIds", "20000002")
                .get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                .body("packages.packageId", contains("20000002"));
    }

    @Test
    void theAnswerCarriesAStrongEtagAndTheSameTagGets304WithoutABody() {
        whitelistRelease(3);
        String etag = client("u1", "Hangzhou").get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                .extract().header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        client("u1", "Hangzhou").header("If-None-Match", etag).get("/client/v1/apps/{app}/packages", app).then()
                .statusCode(304).header("ETag", etag).body(emptyString());
        client("u9", "Hangzhou").header("If-None-Match", etag).get("/client/v1/apps/{app}/packages", app).then()
                .statusCode(200);
    }

    @Test
    void anAnnouncedChangeReachesAWarmGatewayWithinASecond() {
        whitelistRelease(3);
        assertThat(versionFor("u1", "Hangzhou", "20000001")).isEqualTo("1.0.2");

        segments.write(app, 4, true, new PackageRules("20000001", List.of(finished("20000001", "1.0.1")),
                List.of(official("t2", "20000001", "1.0.3"))));

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> "1.0.3".equals(versionFor("u1", "Hangzhou", "20000001")));
    }

    @Test
    void aChangeWhoseMessageWasLostIsFoundByTheRevisionCheck() {
        whitelistRelease(3);
        assertThat(versionFor("u1", "Hangzhou", "20000001")).isEqualTo("1.0.2");

        segments.write(app, 5, false, new PackageRules("20000001", List.of(finished("20000001", "1.0.1")),
                List.of()));

        await().atMost(Duration.ofSeconds(6)).until(() -> "1.0.1".equals(versionFor("u1", "Hangzhou", "20000001")));
    }

    @Test
    void aTimeWindowGivesExactlyUsersCountClientsASlotAndAHolderKeepsIt() {
        segments.write(app, 9, true, new PackageRules("20000001", List.of(finished("20000001", "1.0.1")),
                List.of(byTimeWindow("t1", "20000001", "1.1", Instant.now().plusSeconds(3600), 3))));

        List<String> got = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> versionFor("user" + i, null, "20000001")).toList();

        assertThat(got).containsExactly("1.1", "1.1", "1.1", "1.0.1", "1.0.1", "1.0.1");
        assertThat(versionFor("user1", null, "20000001")).isEqualTo("1.1");
        assertThat(versionFor("user5", null, "20000001")).isEqualTo("1.0.1");
        given().queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2")
                .get("/client/v1/apps/{app}/packages", app).then().body("packages[0].version", equalTo("1.0.1"));
    }

    @Test
    void anEndedTimeWindowMatchesNobody() {
        segments.write(app, 9, true, new PackageRules("20000001", List.of(finished("20000001", "1.0.1")),
                List.of(byTimeWindow("t1", "20000001", "1.1", Instant.now().minusSeconds(1), 100))));

        assertThat(versionFor("user1", null, "20000001")).isEqualTo("1.0.1");
        assertThat(redis.sendAndAwait(Request.cmd(Command.EXISTS).arg(RedisKeys.timeWindowClaims(app, "t1")))
                .toInteger()).isZero();
    }

    @Test
    void anAnswerAWhitelistCheckFailedIsNotRememberedForTheSameQuestion() {
        segments.write(app, 7, true,
                new PackageRules("20000001", List.of(finished("20000001", "1.0.1")),
                        List.of(byWhitelist("t1", "20000001", "1.0.2", "w1", List.of(cityIn("Hangzhou"))))));
        // A key of the wrong type makes Redis answer the membership check with an error: the task fails closed.
        redis.sendAndAwait(Request.cmd(Command.SET).arg(RedisKeys.whitelistMembers(app, "w1")).arg("not a set"));
        assertThat(versionFor("u1", "Hangzhou", "20000001")).isEqualTo("1.0.1");

        // Mended without a change announced: the segment's compilation is the same, and so is the question.
        redis.sendAndAwait(Request.cmd(Command.DEL).arg(RedisKeys.whitelistMembers(app, "w1")));
        segments.members(app, "w1", "u1");
        assertThat(versionFor("u1", "Hangzhou", "20000001")).isEqualTo("1.0.2");
    }

    @Test
    void theSameQuestionAskedAgainAfterTheWindowEndedGetsTheBaseline() {
        Instant end = Instant.now().plusSeconds(2);
        segments.write(app, 9, true, new PackageRules("20000001", List.of(finished("20000001", "1.0.1")),
                List.of(byTimeWindow("t1", "20000001", "1.1", end, 100))));

        assertThat(versionFor("user1", null, "20000001")).isEqualTo("1.1");
        assertThat(versionFor("user1", null, "20000001")).isEqualTo("1.1");
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(end));

        // The answer given before the end was remembered for this exact question: it must not outlive the window.
        assertThat(versionFor("user1", null, "20000001")).isEqualTo("1.0.1");
    }

    @Test
    void anAppWithNothingReleasedGetsAnEmptyAnswer() {
        client("u1", null).get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                .body("revision", equalTo(0)).body("packages", hasSize(0));
    }

    @Test
    void anUnknownAppIs404AndABadQueryIs400NamingEveryField() {
        client("u1", null).get("/client/v1/apps/{app}/packages", "no-such-app-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/client/v1/apps/{app}/packages", app).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("platform", "clientVersion"));
        given().queryParam("platform", "WINDOWS").queryParam("clientVersion", "x.y")
                .queryParam("packageIds", "123").queryParam("attr.bad name", "1")
                .get("/client/v1/apps/{app}/packages", app).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("platform", "clientVersion", "packageIds", "attr.bad name"));
        given().queryParam("platform", "ANDROID").queryParam("clientVersion", "1").queryParam("userId", "u".repeat(129))
                .get("/client/v1/apps/{app}/packages", app).then().statusCode(400)
                .body("errors.field", contains("userId"));
    }

    @Test
    void simulationExplainsEachTaskAndClaimsNoSlot() {
        segments.members(app, "w1", "u1");
        segments.write(app, 11, true, new PackageRules("20000001", List.of(finished("20000001", "1.0.1")), List.of(
                byTimeWindow("t2", "20000001", "1.0.3", Instant.now().plusSeconds(3600), 5),
                byWhitelist("t1", "20000001", "1.0.2", "w1", List.of(cityIn("Hangzhou"))))));

        given().contentType("application/json")
                .body("{\"platform\":\"ANDROID\",\"clientVersion\":\"10.2\",\"userId\":\"u1\",\"city\":\"Beijing\"}")
                .post("/api/v1/apps/{app}/simulate", app).then().statusCode(200)
                .body("revision", equalTo(11))
                .body("packages[0].chosen.version", equalTo("1.0.3"))
                .body("packages[0].tasks.taskId", contains("t2", "t1"))
                .body("packages[0].tasks[0].audience.slot", equalTo("FREE"))
                .body("packages[0].tasks[0].outcome", equalTo("MATCHED"))
                .body("packages[0].tasks[1].outcome", equalTo("RULE_FAILED"))
                .body("packages[0].tasks[1].rules[0].clientValue", equalTo("Beijing"))
                .body("packages[0].tasks[1].rules[0].passed", equalTo(false))
                .body("packages[0].baseline", equalTo("1.0.1"));
        assertThat(redis.sendAndAwait(Request.cmd(Command.EXISTS).arg(RedisKeys.timeWindowClaims(app, "t2")))
                .toInteger()).isZero();

        given().contentType("application/json")
                .body("{\"platform\":\"ANDROID\",\"clientVersion\":\"10.2\",\"userId\":\"u1\",\"city\":\"Hangzhou\","
                        + "\"at\":\"" + Instant.now().plusSeconds(7200) + "\"}")
                .post("/api/v1/apps/{app}/simulate", app).then().statusCode(200)
                .body("packages[0].chosen.version", equalTo("1.0.2"))
                .body("packages[0].tasks[0].outcome", equalTo("WINDOW_ENDED"))
                .body("packages[0].tasks[1].audience.whitelists[0].member", equalTo(true));
        given().contentType("application/json").body("{\"platform\":1}")
                .post("/api/v1/apps/{app}/simulate", app).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * Simulation is the resolver's own decision, read without claiming: for a run of generated clients, what it
     * says each gets is what the client API then gives it, slots claimed one after the other included.
     */
    @Test
    void simulationAndTheClientApiAgreeOnGeneratedClients() {
        segments.members(app, "w1", "u1", "u3", "u5");
        ActiveRelease beijingOnly = new ActiveRelease("t5", "1.0.5", ReleaseType.OFFICIAL, false, null, List.of(),
                List.of(cityIn("Beijing")), Segments.artifact("20000001", "1.0.5"));
        segments.write(app, 13, true,
                new PackageRules("20000001", List.of(finished("20000001", "1.0.1")), List.of(beijingOnly,
                        byTimeWindow("t4", "20000001", "1.0.4", Instant.now().plusSeconds(3600), 3),
                        byWhitelist("t3", "20000001", "1.0.3", "w1", List.of(cityIn("Hangzhou"))),
                        official("t2", "20000001", "1.0.2"))),
                new PackageRules("20000002", List.of(finished("20000002", "2.0")),
                        List.of(byWhitelist("t6", "20000002", "2.1", "w1", List.of()))));
        Random random = new Random(19);
        String[] cities = {"Hangzhou", "Beijing", "Shanghai", null};
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String userId = random.nextInt(6) == 0 ? null : "u" + random.nextInt(8);
            String city = cities[random.nextInt(cities.length)];
            String body = "{\"platform\":\"ANDROID\",\"clientVersion\":\"10.2\""
                    + (userId == null ? "" : ",\"userId\":\"" + userId + "\"")
                    + (city == null ? "" : ",\"city\":\"" + city + "\"") + "}";
            var simulated = given().contentType("application/json").body(body)
                    .post("/api/v1/apps/{app}/simulate", app).then().statusCode(200).extract().jsonPath();
            var answered = client(userId, city).get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                    .extract().jsonPath();
            List<String> simulatedVersions = simulated.getList("packages.findAll { it.chosen != null }"
                    + ".collect { it.packageId + '=' + it.chosen.version }");
            List<String> answeredVersions = answered.getList("packages.collect { it.packageId + '=' + it.version }");
            assertThat(simulatedVersions).as("client %s in %s", userId, city).isEqualTo(answeredVersions);
            seen.addAll(answeredVersions);
        }
        assertThat(seen).as("the run reaches every kind of answer").contains("20000001=1.0.5", "20000001=1.0.4",
                "20000001=1.0.2", "20000002=2.1", "20000002=2.0");
    }

    /** Redis restarted empty, flushed or mid-rebuild shows less than it had: clients keep what they had. */
    @Test
    void aSegmentRedisShowsOlderOrGoneIsAnsweredAsItWasUntilRedisHasItBack() {
        segments.write(app, 9, true, new PackageRules("20000001", List.of(finished("20000001", "1.0.9")), List.of()));
        assertThat(versionFor("u1", null, "20000001")).isEqualTo("1.0.9");

        redis.sendAndAwait(Request.cmd(Command.DEL).arg(RedisKeys.ruleset(app, Platform.ANDROID)));
        redis.sendAndAwait(Request.cmd(Command.SREM).arg(RedisKeys.KNOWN_APPS).arg(app));
        redis.sendAndAwait(Request.cmd(Command.PUBLISH).arg(RedisKeys.SEGMENT_CHANGED_CHANNEL)
                .arg(RedisKeys.segment(app, Platform.ANDROID)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> "1.0.9".equals(versionFor("u1", null, "20000001")));

        segments.register(app);
        segments.write(app, 4, true, new PackageRules("20000001", List.of(finished("20000001", "1.0.4")), List.of()));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> "1.0.9".equals(versionFor("u1", null, "20000001")));

        segments.write(app, 12, true, new PackageRules("20000001", List.of(finished("20000001", "1.0.12")), List.of()));
        await().atMost(Duration.ofSeconds(3)).until(() -> "1.0.12".equals(versionFor("u1", null, "20000001")));
    }
}
