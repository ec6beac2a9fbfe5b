package dev.rollgate.gateway.audience;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.testing.RedisProcess;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims written under their names before Redis Cluster support, moved by a gateway's start. On a Redis of the
 * test's own: the migration looks at every claims key, and the shared one holds other tests' keys.
 */
class ClaimKeysMigrationIT {

    private static final String APP = "migrated-app";
    private static final String TASK = "3f2b8c1e-0d4a-4f6e-9a51-7c2d9e8b1a03";
    private static final String OLD_CLAIMS = RedisKeys.CLAIMS_PREFIX + APP + ":" + TASK;
    private static final String OLD_LINKED = OLD_CLAIMS + ":linked";

    private RedisProcess server;
    private Vertx vertx;
    private Redis redis;
    private long expireAt;

    @BeforeEach
    void oldClaims() {
        server = RedisProcess.startNew(Path.of("target/redis-logs"));
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url()));
        expireAt = Instant.now().plus(Duration.ofDays(8)).toEpochMilli();
        send(Request.cmd(Command.SADD).arg(OLD_CLAIMS).arg("u:a").arg("u:b"));
        send(Request.cmd(Command.PEXPIREAT).arg(OLD_CLAIMS).arg(expireAt));
        send(Request.cmd(Command.SADD).arg(OLD_LINKED).arg("d:a"));
        send(Request.cmd(Command.PEXPIREAT).arg(OLD_LINKED).arg(expireAt));
    }

    @AfterEach
    void stop() {
        try {
            redis.close();
            vertx.closeAndAwait();
        } finally {
            server.close();
        }
    }

    @Test
    void oldClaimsMoveToTheirHashTaggedNamesWithTheirExpiry() {
        assertThat(new ClaimKeysMigration(redis, false).run()).isEqualTo(2);

        assertThat(members(RedisKeys.timeWindowClaims(APP, TASK))).containsExactlyInAnyOrder("u:a", "u:b");
        assertThat(members(RedisKeys.timeWindowLinkedIds(APP, TASK))).containsExactly("d:a");
        assertThat(send(Request.cmd(Command.EXISTS).arg(OLD_CLAIMS).arg(OLD_LINKED)).toInteger()).isZero();
        long pexpireAt = send(Request.cmd(Command.PEXPIRETIME).arg(RedisKeys.timeWindowClaims(APP, TASK))).toLong();
        assertThat(pexpireAt).isBetween(expireAt - 5_000, expireAt + 5_000);
    }

    @Test
    void claimsTakenUnderTheNewNameMeanwhileAreKeptBesideTheMovedOnes() {
        String claims = RedisKeys.timeWindowClaims(APP, TASK);
        send(Request.cmd(Command.SADD).arg(claims).arg("u:c"));
        send(Request.cmd(Command.PEXPIREAT).arg(claims).arg(expireAt + 60_000));

        new ClaimKeysMigration(redis, false).run();

        assertThat(members(claims)).containsExactlyInAnyOrder("u:a", "u:b", "u:c");
        long pexpireAt = send(Request.cmd(Command.PEXPIRETIME).arg(claims)).toLong();
        assertThat(pexpireAt).as("the longer expiry").isBetween(expireAt + 55_000, expireAt + 65_000);
    }

    @Test
    void aSecondRunFindsNothingToMove() {
        ClaimKeysMigration migration = new ClaimKeysMigration(redis, false);
        migration.run();
        assertThat(migration.run()).isZero();
        assertThat(members(RedisKeys.timeWindowClaims(APP, TASK))).containsExactlyInAnyOrder("u:a", "u:b");
    }

    @Test
    void theClaimScriptCountsMovedClaims() {
        new ClaimKeysMigration(redis, false).run();
        RedisAudience audience = new RedisAudience(redis, false);
        ActiveRelease task = new ActiveRelease(TASK, "1.1", ReleaseType.GRAYSCALE, false,
                GrayscaleSpec.timeWindow(Instant.now().plusSeconds(600), 3), List.of(), List.of(), null);

        assertThat(holdsSlot(audience, task, "a")).as("a holds the slot it took before").isTrue();
        assertThat(holdsSlot(audience, task, "c")).as("the third and last slot").isTrue();
        assertThat(holdsSlot(audience, task, "d")).as("none left").isFalse();
    }

    private static boolean holdsSlot(RedisAudience audience, ActiveRelease task, String userId) {
        ClientContext client = new ClientContext(Platform.ANDROID, Version.parse("10.2"), userId, null, null, null,
                null, null, Map.of(), Set.of(), Instant.now());
        return audience.holdsSlot(APP, task, client).await().atMost(Duration.ofSeconds(5));
    }

    private List<String> members(String key) {
        List<String> members = new ArrayList<>();
        send(Request.cmd(Command.SMEMBERS).arg(key)).forEach(member -> members.add(member.toString()));
        return members;
    }

    private Response send(Request request) {
        return redis.sendAndAwait(request);
    }
}
