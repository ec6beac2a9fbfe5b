package dev.rollgate.system;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.testing.EventTopicWriter;
import dev.rollgate.testing.KafkaBrokerProcess;
import dev.rollgate.testing.ServiceProcess;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis under Sentinel, its primary killed (SIGKILL) under a running targeting-service and gateway, both
 * configured with the Sentinels' addresses alone: the Sentinels promote the replica, and the services follow
 * it by themselves. The gateway keeps answering throughout; time-window claims made before go on counting
 * (the replica had them), new claims are taken on the new primary (which lacks the claim script), and
 * releases made after the failover reach clients, by pub/sub alone (the gateway's revision check is off).
 */
class RedisFailoverIT {

    private static final String OFFICIAL = "20000001";
    private static final String TIME_WINDOW = "20000002";
    private static final int USERS_COUNT = 3;
    /** Well under the revision check (1 h): only the subscription can deliver a change this soon. */
    private static final Duration BY_PUB_SUB = Duration.ofSeconds(3);
    private static final Duration FAILOVER = Duration.ofSeconds(20);

    private final String app = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private ServiceProcess gateway;

    @Test
    void theServicesFollowTheReplicaTheSentinelsPromote() throws Exception {
        Path logs = SystemStack.root().resolve("system-tests/target/service-logs");
        try (KafkaBrokerProcess broker = SystemStack.brokerWithTopics();
             SentinelRedis redis = new SentinelRedis(logs);
             EventTopicWriter topic = new EventTopicWriter(broker.bootstrapServers())) {
            Map<String, String> env = SystemStack.environment(broker.bootstrapServers(), redis.sentinelUrls());
            env.put("REDIS_CLIENT_TYPE", "sentinel");
            env.put("REDIS_MASTER_NAME", SentinelRedis.MASTER_NAME);
            Map<String, String> targetingEnv = new HashMap<>(env);
            targetingEnv.put("TARGETING_GROUP_ID", "targeting-failover-" + UUID.randomUUID());
            Map<String, String> gatewayEnv = new HashMap<>(env);
            gatewayEnv.put("REVISION_CHECK", "1h");
            try (ServiceProcess targeting = ServiceProcess.start(SystemStack.root(), "targeting-service",
                    "failover-targeting", targetingEnv);
                 ServiceProcess gatewayProcess = ServiceProcess.start(SystemStack.root(), "gateway",
                         "failover-gateway", gatewayEnv)) {
                gateway = gatewayProcess;
                redis.awaitWatched(Duration.ofSeconds(30));
                failover(redis, topic);
            }
        }
    }

    private void failover(SentinelRedis redis, EventTopicWriter topic) throws Exception {
        topic.publish(app, "app-" + app, 1, new AppRegistered(app, "Failover"));
        topic.publish(app, "task-t0", 1, Events.official("t0", OFFICIAL, "1.0.0"));
        topic.publish(app, "task-t1", 1, timeWindow("t1", TIME_WINDOW, "2.0.0"));
        // Until targeting-service applied the task, a is asked nothing of: no claim is made for it. Until it
        // applied the app's registration, the app is unknown (404), which a slow host made the first answer.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> "2.0.0".equals(packages("a").get(TIME_WINDOW)));
        assertThat(packages("b")).containsEntry(TIME_WINDOW, "2.0.0");
        assertThat(packages(null)).containsEntry(OFFICIAL, "1.0.0").doesNotContainKey(TIME_WINDOW);
        // Through Sentinel, the subscription is on the primary: a release reaches the warm cache by pub/sub.
        topic.publish(app, "task-t2", 1, Events.official("t2", "20000003", "3.0.0"));
        await().atMost(BY_PUB_SUB).pollInterval(Duration.ofMillis(20))
                .until(() -> "3.0.0".equals(packages(null).get("20000003")));

        redis.awaitReplicated(Duration.ofSeconds(5));
        // Redis 7 does not copy scripts to replicas; flushed here so that this holds whatever the version.
        redis.replicaReader().send(Request.cmd(Command.SCRIPT).arg("FLUSH"));
        try (AnswerWatch watch = new AnswerWatch(gateway.url() + "/client/v1/apps/" + app
                + "/packages?platform=ANDROID&clientVersion=10.2&userId=a")) {
            long killed = System.nanoTime();
            redis.primary.stop();

            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(100))
                    .until(() -> redis.primaryPort() == redis.replica.port());
            double promoted = secondsSince(killed);
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(50))
                    .until(() -> "2.0.0".equals(packages("c").get(TIME_WINDOW)));
            double claimsBack = secondsSince(killed);
            // a and b claimed on the old primary: the new one still counts them, and holds no fourth claim.
            assertThat(packages("a")).containsEntry(TIME_WINDOW, "2.0.0");
            assertThat(packages("b")).containsEntry(TIME_WINDOW, "2.0.0");
            assertThat(packages("d")).doesNotContainKey(TIME_WINDOW);
            Response holders = redis.replicaReader().send(Request.cmd(Command.SMEMBERS)
                    .arg(RedisKeys.timeWindowClaims(app, "t1")));
            assertThat(holders.stream().map(Response::toString)).containsExactlyInAnyOrder("u:a", "u:b", "u:c");

            // targeting-service writes to the new primary, and the gateway hears of it.
            topic.publish(app, "task-t3", 1, Events.official("t3", "20000004", "4.0.0"));
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(50))
                    .until(() -> "4.0.0".equals(packages(null).get("20000004")));
            double releaseBack = secondsSince(killed);
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(100)).until(this::subscribed);
            topic.publish(app, "task-t4", 1, Events.official("t4", "20000005", "5.0.0"));
            await().atMost(BY_PUB_SUB).pollInterval(Duration.ofMillis(20))
                    .until(() -> "5.0.0".equals(packages(null).get("20000005")));

            watch.stop();
            System.out.printf("Redis failover: replica promoted after %.1f s, claims taken again after %.1f s, a"
                            + " release reached clients after %.1f s; %d client requests meanwhile, %d not answered"
                            + " 200 (longest run %.1f s)%n", promoted, claimsBack, releaseBack, watch.requests(),
                    watch.failures(), watch.longestFailureSeconds());
            // The held client is answered from the near cache while Redis has no primary.
            assertThat(watch.requests()).isPositive();
            assertThat(watch.longestFailureSeconds()).isLessThan(2.0);
        }
    }

    private static ReleaseTaskCreated timeWindow(String taskId, String packageId, String version) {
        return new ReleaseTaskCreated(taskId, packageId, version, Platform.ANDROID, ReleaseType.GRAYSCALE,
                GrayscaleSpec.timeWindow(Instant.now().plus(Duration.ofHours(1)), USERS_COUNT), List.of(), null,
                null, Events.artifact(packageId, version));
    }

    /**
     * Package id to version, as the gateway answers this user now; a client without an id (null) claims no
     * time-window slot.
     */
    private Map<String, String> packages(String userId) {
        return ClientVersions.of(gateway.url(), app, userId);
    }

    private boolean subscribed() {
        Object subscribed = given().baseUri(gateway.url()).get("/q/health/ready").then().extract().jsonPath()
                .get("checks.find { it.name == 'Ruleset changes from Redis' }.data.subscribed");
        return Objects.equals(subscribed, Boolean.TRUE);
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
