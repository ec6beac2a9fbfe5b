package dev.rollgate.system;

import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.testing.KafkaBrokerProcess;
import dev.rollgate.testing.RedisProcess;
import dev.rollgate.testing.ServiceProcess;
import dev.rollgate.testing.TestTokens;
import io.restassured.response.ExtractableResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several targeting-service instances in one consumer group share the topic's six partitions, on a broker
 * and a Redis of the test's own. One killed (SIGKILL) while events stream in leaves its partitions to the
 * others, and Redis ends as one instance alone makes it; a rebuild asked of one of two running instances,
 * while events stream in, loses none of the events they apply meanwhile. "As one instance alone makes it"
 * is checked against one: an instance in a group of its own, on a Redis of its own, reading the same topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetingInstancesIT {

    private static final Logger LOG = Logger.getLogger(TargetingInstancesIT.class);
    private static final int PARTITIONS = 6;
    private static final int APPS_PER_PARTITION = 3;
    /** The session timeout (10 s) for the group to notice the kill, and time to catch up. */
    private static final Duration CONVERGE = Duration.ofSeconds(60);
    /** The rebuild lock's key in targeting-service's RebuildLock. */
    private static final String REBUILD_LOCK = "rollgate-targeting:rebuild-lock";
    private static final String REBUILD_KEYS = "rollgate-rebuild:*";

    private static KafkaBrokerProcess broker;
    private static RedisProcess redis;
    private static RedisReader reader;
    private static final List<ServiceProcess> instances = new ArrayList<>();
    private static ReleaseEventStream events;
    private static RedisProcess referenceRedis;
    private static RedisReader referenceReader;
    private static ServiceProcess reference;

    @BeforeAll
    static void start() {
        broker = KafkaBrokerProcess.startNew();
        broker.createTopic(Topics.RELEASE_EVENTS, PARTITIONS);
        broker.createTopic(Topics.RELEASE_EVENTS_DLQ, 1);
        redis = RedisProcess.startNew(logs());
        reader = new RedisReader(redis.url());
        Map<String, String> env = SystemStack.environment(broker.bootstrapServers(), redis.url());
        env.put("TARGETING_GROUP_ID", "targeting-instances-" + UUID.randomUUID());
        for (String name : List.of("a", "b", "c")) {
            instances.add(ServiceProcess.start(SystemStack.root(), "targeting-service", "instances-targeting-" + name,
                    env));
        }
        awaitPartitionsShared();
        events = new ReleaseEventStream(broker.bootstrapServers(), appsOnEveryPartition());
        events.registerAll();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        try {
            if (events != null) {
                events.close();
            }
        } finally {
            for (AutoCloseable closeable : new AutoCloseable[] {reader, referenceReader}) {
                closeQuietly(closeable);
            }
            instances.forEach(ServiceProcess::kill);
            for (AutoCloseable process : new AutoCloseable[] {reference, referenceRedis, redis, broker}) {
                closeQuietly(process);
            }
        }
    }

    @Test
    @Order(1)
    void anInstanceKilledMidStreamLeavesItsPartitionsToTheOthersAndRedisEndsAsOneInstanceMakesIt()
            throws InterruptedException {
        events.start();
        events.awaitMore(500, Duration.ofSeconds(30));
        ServiceProcess killed = instances.remove(1);
        killed.kill();
        long killedAt = System.nanoTime();
        int producedBeforeKill = events.produced();
        // Events go on streaming in while the group notices, and after it moved the partitions.
        awaitPartitionsShared();
        long movedAt = System.nanoTime();
        events.awaitMore(500, Duration.ofSeconds(30));
        events.stop();
        assertThat(events.produced() - producedBeforeKill).as("events produced after the kill").isGreaterThan(500);

        awaitRevisions(reader);
        LOG.infof("killed %s after %d events; the group moved its partitions after %.1f s; Redis converged %.1f s"
                        + " after the kill, %d events in all", killed.name(), producedBeforeKill,
                (movedAt - killedAt) / 1e9, (System.nanoTime() - killedAt) / 1e9, events.produced());
        assertRedisHoldsWhatTheEventsImply();
        assertSameAsOneInstanceAlone();
    }

    @Test
    @Order(2)
    void aRebuildWithTwoInstancesRunningEqualsTheLiveStateAndLosesNoEventAppliedMeanwhile() throws Exception {
        while (instances.size() > 2) { // run alone, without the kill before it
            instances.removeLast().stop();
        }
        awaitPartitionsShared();
        events.start();
        events.awaitMore(200, Duration.ofSeconds(30));
        RevisionRegressions regressions = new RevisionRegressions(reader);
        long asked = System.nanoTime();
        ExtractableResponse<io.restassured.response.Response> answer = given().baseUri(instances.get(0).url())
                .header("Authorization", "Bearer " + TestTokens.admin("ops")).post("/admin/rebuild").then()
                .extract();
        long answered = System.nanoTime();
        events.awaitMore(200, Duration.ofSeconds(30));
        events.stop();
        List<String> wentBack = regressions.stop();

        assertThat(answer.statusCode()).as(answer.body().asString()).isEqualTo(200);
        assertThat(answer.<Integer>path("keysSwitched")).isPositive();
        assertThat(answer.<Integer>path("eventsApplied")).isPositive();
        long duringRebuild = events.producedBetween(asked, answered);
        LOG.infof("rebuild with two instances running: %s; %d events produced while it ran; %d reads of the"
                + " revisions meanwhile", answer.body().asString(), duringRebuild, regressions.reads());
        assertThat(duringRebuild).as("events produced while the rebuild ran").isPositive();
        assertThat(wentBack).as("segments whose revision went down").isEmpty();
        assertThat(reader.snapshot(REBUILD_KEYS)).as("rebuild keys left").isEmpty();

        awaitRevisions(reader);
        assertRedisHoldsWhatTheEventsImply();
        assertSameAsOneInstanceAlone();
    }

    @Test
    @Order(3)
    void aRebuildAskedWhileAnotherInstanceRunsOneIsRefused() {
        reader.send(Request.cmd(Command.SET).arg(REBUILD_LOCK).arg("4242@elsewhere/test").arg("PX").arg(60_000));
        try {
            given().baseUri(instances.get(1).url()).header("Authorization", "Bearer " + TestTokens.admin("ops"))
                    .post("/admin/rebuild").then().statusCode(409)
                    .body(org.hamcrest.Matchers.containsString("4242@elsewhere"));
        } finally {
            reader.send(Request.cmd(Command.DEL).arg(REBUILD_LOCK));
        }
    }

    /** Every event applied: each segment's revision is the offset of its app's last event. */
    private static void awaitRevisions(RedisReader redis) {
        Map<String, String> expected = events.revisions();
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(revisions(redis)).isEqualTo(expected));
    }

    private static Map<String, String> revisions(RedisReader redis) {
        Response all = redis.send(Request.cmd(Command.HGETALL).arg(RedisKeys.REVISIONS));
        Map<String, String> revisions = new HashMap<>();
        all.getKeys().forEach(segment -> revisions.put(segment, all.get(segment).toString()));
        return revisions;
    }

    private static void assertRedisHoldsWhatTheEventsImply() {
        for (String app : events.apps()) {
            String json = reader.get(RedisKeys.ruleset(app, Platform.ANDROID));
            assertThat(json).as("ruleset of " + app).isNotNull();
            List<String> packages;
            try {
                packages = RulesetJson.read(json).packages().stream().map(PackageRules::packageId).toList();
            } catch (Exception e) {
                throw new AssertionError("the ruleset of " + app + " cannot be read", e);
            }
            assertThat(new TreeSet<>(packages)).as("packages of " + app).isEqualTo(events.packages(app));
            TreeSet<String> members = new TreeSet<>(reader.send(Request.cmd(Command.SMEMBERS)
                    .arg(RedisKeys.whitelistMembers(app, "w1"))).stream().map(Response::toString).toList());
            assertThat(members).as("members of " + app + "'s whitelist").isEqualTo(events.members(app));
            assertThat(reader.send(Request.cmd(Command.SISMEMBER).arg(RedisKeys.KNOWN_APPS).arg(app)).toInteger())
                    .isEqualTo(1);
        }
    }

    /**
     * Every derived key, byte for byte, as an instance alone makes it from the same topic: one in a group of
     * its own on a Redis of its own, started at the first call and kept, which reads what the stream adds.
     */
    private static void assertSameAsOneInstanceAlone() {
        if (reference == null) {
            referenceRedis = RedisProcess.startNew(logs());
            referenceReader = new RedisReader(referenceRedis.url());
            Map<String, String> env = SystemStack.environment(broker.bootstrapServers(), referenceRedis.url());
            env.put("TARGETING_GROUP_ID", "targeting-alone-" + UUID.randomUUID());
            reference = ServiceProcess.start(SystemStack.root(), "targeting-service", "instances-targeting-alone", env);
        }
        awaitRevisions(referenceReader);
        Map<String, String> alone = referenceReader.snapshot(RedisKeys.DERIVED_PREFIX + "*");
        assertThat(alone).hasSizeGreaterThan(events.apps().size() * 4);
        assertThat(reader.snapshot(RedisKeys.DERIVED_PREFIX + "*")).isEqualTo(alone);
    }

    /** Until the live instances hold every partition between them, each at least one. */
    private static void awaitPartitionsShared() {
        await().atMost(CONVERGE).pollInterval(Duration.ofMillis(200)).until(() -> {
            int total = 0;
            for (ServiceProcess instance : instances) {
                Integer assigned = given().baseUri(instance.url()).get("/q/health/ready").then().extract()
                        .path("checks.find { it.name == 'Release events from Kafka' }.data.assignedPartitions");
                if (assigned == null || assigned == 0) {
                    return false;
                }
                total += assigned;
            }
            return total == PARTITIONS;
        });
    }

    /** App keys the topic's partitioner spreads over every partition, a few on each. */
    private static List<String> appsOnEveryPartition() {
        Map<Integer, List<String>> byPartition = new HashMap<>();
        List<String> apps = new ArrayList<>();
        while (apps.size() < PARTITIONS * APPS_PER_PARTITION) {
            String key = "mi" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            List<String> on = byPartition.computeIfAbsent(partition, p -> new ArrayList<>());
            if (on.size() < APPS_PER_PARTITION) {
                on.add(key);
                apps.add(key);
            }
        }
        return apps;
    }

    private static Path logs() {
        return SystemStack.root().resolve("system-tests/target/service-logs");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warnf("could not close %s: %s", closeable, e.getMessage());
        }
    }
}
