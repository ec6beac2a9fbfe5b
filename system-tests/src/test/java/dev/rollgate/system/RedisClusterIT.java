package dev.rollgate.system;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.redis.DerivedKeys;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.testing.EventTopicWriter;
import dev.rollgate.testing.KafkaBrokerProcess;
import dev.rollgate.testing.ServiceProcess;
import dev.rollgate.testing.TestTokens;
import io.restassured.response.ExtractableResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * targeting-service and the gateway on a Redis Cluster of three masters: releases reach clients (by pub/sub,
 * the gateway's revision check being off), a whitelist task admits its members only, time-window tasks whose
 * claims lie on every master each hand out exactly their slots to clients rushing in together (each request
 * claims on all three masters and checks a whitelist beside), and a rebuild from the topic switches in on the
 * cluster without touching the claims.
 */
class RedisClusterIT {

    private static final String OFFICIAL = "30000001";
    private static final String WHITELISTED = "30000002";
    private static final String AFTER_REBUILD = "30000003";
    private static final int USERS_COUNT = 5;
    private static final int CLIENTS = 30;
    /** Well under the revision check (1 h): only the subscription can deliver a change this soon. */
    private static final Duration BY_PUB_SUB = Duration.ofSeconds(3);
    private static final Duration APPLIED = Duration.ofSeconds(60);

    private final String app = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private ServiceProcess gateway;

    @Test
    void targetingAndTheGatewayWorkOnAThreeMasterCluster() throws Exception {
        Path logs = SystemStack.root().resolve("system-tests/target/service-logs");
        try (KafkaBrokerProcess broker = SystemStack.brokerWithTopics();
             ClusterRedis cluster = new ClusterRedis(logs);
             EventTopicWriter topic = new EventTopicWriter(broker.bootstrapServers())) {
            Map<String, String> env = SystemStack.environment(broker.bootstrapServers(), cluster.urls());
            env.put("REDIS_CLIENT_TYPE", "cluster");
            Map<String, String> targetingEnv = new HashMap<>(env);
            targetingEnv.put("TARGETING_GROUP_ID", "targeting-cluster-" + UUID.randomUUID());
            Map<String, String> gatewayEnv = new HashMap<>(env);
            gatewayEnv.put("REVISION_CHECK", "1h");
            try (ServiceProcess targeting = ServiceProcess.start(SystemStack.root(), "targeting-service",
                    "cluster-targeting", targetingEnv);
                 ServiceProcess gatewayProcess = ServiceProcess.start(SystemStack.root(), "gateway",
                         "cluster-gateway", gatewayEnv)) {
                gateway = gatewayProcess;
                releasesAndWhitelists(topic);
                Map<String, String> timeWindows = timeWindowTasksOnEveryMaster(cluster);
                timeWindowSlots(topic, cluster, timeWindows);
                rebuild(targeting, topic, cluster, timeWindows);
            }
        }
    }

    private void releasesAndWhitelists(EventTopicWriter topic) {
        topic.publish(app, "app-" + app, 1, new AppRegistered(app, "Cluster"));
        topic.publish(app, "task-t0", 1, Events.official("t0", OFFICIAL, "1.0.0"));
        topic.publish(app, "whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        topic.publish(app, "whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of("m1", "m2")));
        topic.publish(app, "task-t1", 1, new ReleaseTaskCreated("t1", WHITELISTED, "2.0.0", Platform.ANDROID,
                ReleaseType.GRAYSCALE, GrayscaleSpec.whitelist(List.of("w1")), List.of(), null, null,
                Events.artifact(WHITELISTED, "2.0.0")));
        // The app is unknown (404) until its registration is applied.
        await().atMost(APPLIED).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> "2.0.0".equals(packages("m1").get(WHITELISTED)));
        assertThat(packages("m2")).containsEntry(WHITELISTED, "2.0.0").containsEntry(OFFICIAL, "1.0.0");
        assertThat(packages("x1")).containsEntry(OFFICIAL, "1.0.0").doesNotContainKey(WHITELISTED);
        assertThat(packages(null)).containsEntry(OFFICIAL, "1.0.0").doesNotContainKey(WHITELISTED);
    }

    /**
     * Task ids whose claims lie on each master, asked of the cluster: package id to task id. Were every claim
     * in one slot, no such ids would be found.
     */
    private Map<String, String> timeWindowTasksOnEveryMaster(ClusterRedis cluster) {
        Map<Integer, String> byMaster = new HashMap<>();
        for (int i = 0; i < 300 && byMaster.size() < cluster.size(); i++) {
            String taskId = "tw" + i;
            byMaster.putIfAbsent(cluster.masterOf(cluster.keySlot(RedisKeys.timeWindowClaims(app, taskId))), taskId);
        }
        assertThat(byMaster).as("time-window tasks whose claims lie on each master").hasSize(cluster.size());
        Map<String, String> tasks = new LinkedHashMap<>();
        int packageId = 30000011;
        for (String taskId : byMaster.values()) {
            tasks.put(Integer.toString(packageId++), taskId);
        }
        return tasks;
    }

    private void timeWindowSlots(EventTopicWriter topic, ClusterRedis cluster, Map<String, String> tasks)
            throws Exception {
        tasks.forEach((packageId, taskId) -> topic.publish(app, "task-" + taskId, 1, new ReleaseTaskCreated(taskId,
                packageId, "3.0.0", Platform.ANDROID, ReleaseType.GRAYSCALE,
                GrayscaleSpec.timeWindow(Instant.now().plus(Duration.ofHours(1)), USERS_COUNT), List.of(), null, null,
                Events.artifact(packageId, "3.0.0"))));
        // Behind the time-window tasks on the app's partition: once it is served, they are applied. The warm
        // cache learns of it by pub/sub alone.
        topic.publish(app, "task-t2", 1, Events.official("t2", "30000004", "4.0.0"));
        await().atMost(BY_PUB_SUB.plus(APPLIED)).pollInterval(Duration.ofMillis(20))
                .until(() -> "4.0.0".equals(packages(null).get("30000004")));

        Map<String, Integer> admitted = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Map<String, String>>> answers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String userId = "u" + i;
                answers.add(pool.submit(() -> packages(userId)));
            }
            for (Future<Map<String, String>> answer : answers) {
                Map<String, String> got = answer.get();
                assertThat(got).as("a client outside the whitelist").doesNotContainKey(WHITELISTED);
                tasks.keySet().forEach(packageId -> {
                    if (got.containsKey(packageId)) {
                        admitted.merge(packageId, 1, Integer::sum);
                    }
                });
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> expected = new HashMap<>();
        tasks.keySet().forEach(packageId -> expected.put(packageId, USERS_COUNT));
        assertThat(admitted).as("clients admitted per time-window package").isEqualTo(expected);

        Set<Integer> mastersWithClaims = new HashSet<>();
        tasks.values().forEach(taskId -> {
            String claims = RedisKeys.timeWindowClaims(app, taskId);
            int slot = cluster.keySlot(claims);
            int master = cluster.masterOf(slot);
            RedisReader node = cluster.node(master);
            assertThat(node.send(Request.cmd(Command.SCARD).arg(claims)).toInteger()).isEqualTo(USERS_COUNT);
            assertThat(node.send(Request.cmd(Command.CLUSTER).arg("COUNTKEYSINSLOT").arg(slot)).toInteger())
                    .isPositive();
            mastersWithClaims.add(master);
        });
        assertThat(mastersWithClaims).as("masters holding claims").hasSize(cluster.size());
    }

    private void rebuild(ServiceProcess targeting, EventTopicWriter topic, ClusterRedis cluster,
                         Map<String, String> tasks) {
        ExtractableResponse<io.restassured.response.Response> answer = given().baseUri(targeting.url())
                .header("Authorization", "Bearer " + TestTokens.admin("ops")).post("/admin/rebuild").then()
                .extract();
        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(200);
        assertThat(answer.<Integer>path("keysSwitched")).isPositive();
        for (int i = 0; i < cluster.size(); i++) {
            assertThat(cluster.node(i).send(Request.cmd(Command.KEYS).arg(DerivedKeys.REBUILD.prefix() + "*")))
                    .as("rebuild keys left on master " + i).isEmpty();
        }

        assertThat(packages("m1")).containsEntry(WHITELISTED, "2.0.0").containsEntry(OFFICIAL, "1.0.0");
        assertThat(packages("x1")).doesNotContainKey(WHITELISTED);
        // The claims were not rebuilt: the slots stay taken.
        Map<String, String> late = packages("late");
        assertThat(late).doesNotContainKeys(tasks.keySet().toArray(String[]::new));
        topic.publish(app, "task-t3", 1, Events.official("t3", AFTER_REBUILD, "5.0.0"));
        await().atMost(BY_PUB_SUB.plus(Duration.ofSeconds(10))).pollInterval(Duration.ofMillis(20))
                .until(() -> "5.0.0".equals(packages(null).get(AFTER_REBUILD)));
    }

    /** Package id to version, as the gateway answers this user now; a client without an id (null) claims nothing. */
    private Map<String, String> packages(String userId) {
        return ClientVersions.of(gateway.url(), app, userId);
    }
}
