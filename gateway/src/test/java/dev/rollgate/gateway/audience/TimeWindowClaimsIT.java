package dev.rollgate.gateway.audience;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.resolve.ClientContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim script through two separate Redis clients, as two gateway replicas would use it. */
class TimeWindowClaimsIT {

    private static final int USERS_COUNT = 37;
    private static final int CLIENTS = 400;

    private Vertx vertx;
    private Redis first;
    private Redis second;
    private String app;
    private ActiveRelease task;

    @BeforeEach
    void twoGateways() {
        vertx = Vertx.vertx();
        RedisOptions options = new RedisOptions()
                .setConnectionString(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"))
                .setMaxPoolSize(16).setMaxPoolWaiting(CLIENTS * 2);
        first = Redis.createClient(vertx, options);
        second = Redis.createClient(vertx, new RedisOptions(options));
        app = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        task = new ActiveRelease(UUID.randomUUID().toString(), "1.1", ReleaseType.GRAYSCALE, false,
                GrayscaleSpec.timeWindow(Instant.now().plusSeconds(600), USERS_COUNT), List.of(), List.of(), null);
        // A script cache without the script: the first claims take the EVAL fallback.
        first.sendAndAwait(Request.cmd(Command.SCRIPT).arg("FLUSH"));
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        vertx.closeAndAwait();
    }

    private static ClientContext client(String userId) {
        return new ClientContext(Platform.ANDROID, Version.parse("10.2"), userId, null, null, null, null, null,
                Map.of(), Set.of(), Instant.now());
    }

    private List<Boolean> claimAll(List<String> users) {
        RedisAudience a = new RedisAudience(first, false);
        RedisAudience b = new RedisAudience(second, false);
        List<Uni<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            claims.add((i % 2 == 0 ? a : b).holdsSlot(app, task, client(users.get(i))));
        }
        return Uni.join().all(claims).andFailFast().await().atMost(Duration.ofSeconds(30));
    }

    @Test
    void concurrentClaimsFromTwoGatewaysGiveExactlyUsersCountHoldersAndHoldersKeepTheirSlot() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            users.add("user-" + i);
        }

        List<Boolean> granted = claimAll(users);

        Set<String> holders = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            if (granted.get(i)) {
                holders.add(users.get(i));
            }
        }
        assertThat(holders).hasSize(USERS_COUNT);
        assertThat(first.sendAndAwait(Request.cmd(Command.SCARD).arg(RedisKeys.timeWindowClaims(app, task.taskId())))
                .toInteger()).isEqualTo(USERS_COUNT);

        List<Boolean> again = claimAll(users);
        for (int i = 0; i < users.size(); i++) {
            assertThat(again.get(i)).as(users.get(i)).isEqualTo(holders.contains(users.get(i)));
        }
        assertThat(first.sendAndAwait(Request.cmd(Command.PTTL).arg(RedisKeys.timeWindowClaims(app, task.taskId())))
                .toLong()).isPositive();
    }

    private static ClientContext device(String userId, String deviceId) {
        return new ClientContext(Platform.ANDROID, Version.parse("10.2"), userId, deviceId, null, null, null, null,
                Map.of(), Set.of(), Instant.now());
    }

    @Test
    void aDeviceThatAskedAnonymouslyAndThenWithAUserIdHoldsOneSlot() {
        RedisAudience audience = new RedisAudience(first, false);
        assertThat(audience.holdsSlot(app, task, device(null, "d1")).await().indefinitely()).isTrue();
        assertThat(audience.holdsSlot(app, task, device("u1", "d1")).await().indefinitely()).isTrue();
        assertThat(audience.holdsSlot(app, task, device("u1", null)).await().indefinitely())
                .as("the user on its own, its device linked").isTrue();
        // The other way round: a user first, then the same device anonymously.
        assertThat(audience.holdsSlot(app, task, device("u2", "d2")).await().indefinitely()).isTrue();
        assertThat(audience.holdsSlot(app, task, device(null, "d2")).await().indefinitely()).isTrue();
        assertThat(audience.slotState(app, task, device(null, "d2")).await().indefinitely()).isEqualTo(SlotState.HELD);

        assertThat(first.sendAndAwait(Request.cmd(Command.SCARD).arg(RedisKeys.timeWindowClaims(app, task.taskId())))
                .toInteger()).as("two clients, two slots").isEqualTo(2);
    }

    @Test
    void aLinkedIdTakesNoSlotWhenNoneIsLeft() {
        ActiveRelease one = new ActiveRelease(UUID.randomUUID().toString(), "1.1", ReleaseType.GRAYSCALE, false,
                GrayscaleSpec.timeWindow(Instant.now().plusSeconds(600), 1), List.of(), List.of(), null);
        RedisAudience audience = new RedisAudience(first, false);
        assertThat(audience.holdsSlot(app, one, device(null, "d1")).await().indefinitely()).isTrue();
        assertThat(audience.holdsSlot(app, one, device("u1", "d1")).await().indefinitely()).isTrue();
        assertThat(audience.holdsSlot(app, one, device("u2", "d2")).await().indefinitely()).isFalse();
        assertThat(audience.holdsSlot(app, one, device("u1", "d9")).await().indefinitely()).isTrue();
    }

    @Test
    void simulationSeesTheSlotsWithoutTakingOne() {
        RedisAudience audience = new RedisAudience(first, false);
        assertThat(audience.slotState(app, task, client("u1")).await().indefinitely()).isEqualTo(SlotState.FREE);
        assertThat(audience.holdsSlot(app, task, client("u1")).await().indefinitely()).isTrue();
        assertThat(audience.slotState(app, task, client("u1")).await().indefinitely()).isEqualTo(SlotState.HELD);
        assertThat(audience.slotState(app, task, client(null)).await().indefinitely())
                .isEqualTo(SlotState.NO_IDENTITY);
        assertThat(first.sendAndAwait(Request.cmd(Command.SCARD).arg(RedisKeys.timeWindowClaims(app, task.taskId())))
                .toInteger()).isEqualTo(1);
    }

    @Test
    void oneRoundTripAsksWhitelistsAndClaimsSlotsTogetherAlsoWhenRedisHasForgottenTheScript() {
        WhitelistRef testers = new WhitelistRef("testers", IdType.USER_ID);
        ActiveRelease byWhitelist = new ActiveRelease(UUID.randomUUID().toString(), "1.2", ReleaseType.GRAYSCALE,
                false, GrayscaleSpec.whitelist(List.of("testers")), List.of(testers), List.of(), null);
        first.sendAndAwait(Request.cmd(Command.SADD).arg(RedisKeys.whitelistMembers(app, "testers")).arg("alice"));
        RedisAudience audience = new RedisAudience(first, false);

        assertThat(audience.admit(app, List.of(byWhitelist, task), client("alice")).await().indefinitely())
                .containsExactly(true, true);
        assertThat(audience.admit(app, List.of(task, byWhitelist), client("bob")).await().indefinitely())
                .containsExactly(true, false);
        assertThat(audience.admit(app, List.of(byWhitelist, task), client(null)).await().indefinitely())
                .as("a client without ids is asked nothing").containsExactly(false, false);
        List<String> holders = new ArrayList<>();
        first.sendAndAwait(Request.cmd(Command.SMEMBERS).arg(RedisKeys.timeWindowClaims(app, task.taskId())))
                .forEach(holder -> holders.add(holder.toString()));
        assertThat(holders).containsExactlyInAnyOrder("u:alice", "u:bob");
        first.sendAndAwait(Request.cmd(Command.DEL).arg(RedisKeys.whitelistMembers(app, "testers")));
    }
}
