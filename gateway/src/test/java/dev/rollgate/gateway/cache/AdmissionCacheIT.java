package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.client.PrivateRedis;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through the client API, on a Redis of the test's own so that its command counts are this gateway's alone: a
 * change to one whitelist's members makes the clients of the segment's other tasks no first visits.
 */
@QuarkusTest
@TestProfile(AdmissionCacheIT.OwnRedis.class)
class AdmissionCacheIT {

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateRedis.class));
        }
    }

    private static final Instant WINDOW_END = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    Redis redis;

    private final String app = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    private static VersionArtifact artifact(String packageId, String version) {
        return new VersionArtifact("https://cdn.example.com/" + packageId + "/" + version + ".zip", "b".repeat(64),
                1234, "/index.html", null, "10.0", null);
    }

    private static PackageRules pkg(String packageId, ActiveRelease task) {
        return new PackageRules(packageId, List.of(new FinishedVersion("1.0", artifact(packageId, "1.0"))),
                List.of(task));
    }

    private static ActiveRelease byWhitelist(String taskId, String packageId, String whitelistId,
                                             long audienceRevision) {
        return new ActiveRelease(taskId, "2.0", ReleaseType.GRAYSCALE, false, GrayscaleSpec.whitelist(
                List.of(whitelistId)), List.of(new WhitelistRef(whitelistId, IdType.USER_ID)), List.of(),
                artifact(packageId, "2.0"), audienceRevision);
    }

    private static ActiveRelease byTimeWindow(String taskId, String packageId, long audienceRevision) {
        return new ActiveRelease(taskId, "2.0", ReleaseType.GRAYSCALE, false,
                GrayscaleSpec.timeWindow(WINDOW_END, 10), List.of(), List.of(), artifact(packageId, "2.0"),
                audienceRevision);
    }

    /** What targeting-service writes after the event at {@code revision}: task A's audience revision moves. */
    private void write(long revision, long audienceRevisionOfA) {
        Ruleset ruleset = new Ruleset(Ruleset.FORMAT_VERSION, app, Platform.ANDROID, revision, List.of(
                pkg("20000001", byWhitelist("task-a", "20000001", "wa", audienceRevisionOfA)),
                pkg("20000002", byTimeWindow("task-b", "20000002", 2)),
                pkg("20000003", byWhitelist("task-c", "20000003", "wc", 3))));
        String segment = RedisKeys.segment(app, Platform.ANDROID);
        redis.sendAndAwait(Request.cmd(Command.SET).arg(RedisKeys.ruleset(app, Platform.ANDROID))
                .arg(RulesetJson.write(ruleset)));
        redis.sendAndAwait(Request.cmd(Command.HSET).arg(RedisKeys.REVISIONS).arg(segment).arg(revision));
        redis.sendAndAwait(Request.cmd(Command.PUBLISH).arg(RedisKeys.SEGMENT_CHANGED_CHANNEL).arg(segment));
    }

    private void members(Command command, String whitelistId, String... ids) {
        Request request = Request.cmd(command).arg(RedisKeys.whitelistMembers(app, whitelistId));
        for (String id : ids) {
            request.arg(id);
        }
        redis.sendAndAwait(request);
    }

    private RequestSpecification client(String userId) {
        RequestSpecification spec = given().queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2");
        return userId == null ? spec : spec.queryParam("userId", userId);
    }

    private List<String> versions(String userId) {
        return client(userId).get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                .extract().jsonPath().getList("packages.version", String.class);
    }

    /** Waits until the gateway answers from {@code revision}, asking as a client without ids: nobody's audience. */
    private void gatewayAt(long revision) {
        await().atMost(Duration.ofSeconds(10)).until(() -> client(null).get("/client/v1/apps/{app}/packages", app)
                .then().statusCode(200).extract().jsonPath().getLong("revision") == revision);
    }

    /** How many times Redis ran {@code command} so far (a whitelist check, a slot claim). */
    private long calls(String command) {
        String stats = redis.sendAndAwait(Request.cmd(Command.INFO).arg("commandstats")).toString();
        for (String line : stats.split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                String calls = line.substring(line.indexOf("calls=") + "calls=".length());
                return Long.parseLong(calls.substring(0, calls.indexOf(',')));
            }
        }
        return 0;
    }

    private record Calls(long sismember, long claims) {
    }

    private Calls calls() {
        return new Calls(calls("sismember"), calls("evalsha") + calls("eval"));
    }

    @Test
    void aWhitelistChangeAsksAboutItsTaskAloneAndARemovedMemberIsNoLongerAdmitted() {
        redis.sendAndAwait(Request.cmd(Command.SADD).arg(RedisKeys.KNOWN_APPS).arg(app));
        members(Command.SADD, "wa", "u1");
        members(Command.SADD, "wc", "u1");
        write(3, 1);
        gatewayAt(3);

        assertThat(versions("u1")).as("a first visit: every grayscale task takes u1")
                .containsExactly("2.0", "2.0", "2.0");
        Calls seen = calls();
        assertThat(seen.sismember()).as("whitelist checks are counted").isPositive();
        assertThat(seen.claims()).as("slot claims are counted").isPositive();
        assertThat(versions("u1")).containsExactly("2.0", "2.0", "2.0");
        assertThat(calls()).as("seen again under the same revision: Redis is not asked").isEqualTo(seen);

        // wa gains a member: targeting-service moves the segment's revision and task A's audience revision only.
        members(Command.SADD, "wa", "u2");
        write(4, 4);
        gatewayAt(4);
        Calls before = calls();
        assertThat(versions("u1")).containsExactly("2.0", "2.0", "2.0");
        Calls after = calls();
        assertThat(after.sismember() - before.sismember()).as("task A's whitelist alone is asked about").isEqualTo(1);
        assertThat(after.claims() - before.claims()).as("task B's slot is remembered").isZero();
        assertThat(versions("u2")).as("the new member").containsExactly("2.0", "2.0", "1.0");

        // u1 leaves wa: no answer kept from before may let u1 in.
        members(Command.SREM, "wa", "u1");
        write(5, 5);
        gatewayAt(5);
        before = calls();
        assertThat(versions("u1")).as("task A no longer, tasks B and C as before")
                .containsExactly("1.0", "2.0", "2.0");
        after = calls();
        assertThat(after.sismember() - before.sismember()).isEqualTo(1);
        assertThat(after.claims() - before.claims()).isZero();
        assertThat(versions("u1")).containsExactly("1.0", "2.0", "2.0");
        assertThat(calls()).as("the refusal is remembered too").isEqualTo(after);
    }
}
