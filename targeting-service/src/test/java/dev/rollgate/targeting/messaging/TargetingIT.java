package dev.rollgate.targeting.messaging;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.redis.DerivedKeys;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.targeting.domain.TaskEvents;
import dev.rollgate.testing.EventTopicWriter;
import dev.rollgate.testing.KafkaTopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class TargetingIT {

    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static EventTopicWriter topic;

    @Inject
    Redis redis;

    @BeforeAll
    static void connect() {
        topic = new EventTopicWriter();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    private static String app() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private String get(String key) {
        Response value = redis.sendAndAwait(Request.cmd(Command.GET).arg(key));
        return value == null ? null : value.toString();
    }

    private Ruleset ruleset(String app) {
        String json = get(RedisKeys.ruleset(app, Platform.ANDROID));
        try {
            return json == null ? null : RulesetJson.read(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Ruleset awaitRevision(String app, long revision) {
        await().atMost(DEADLINE).until(() -> ruleset(app) != null && ruleset(app).revision() == revision);
        return ruleset(app);
    }

    private Set<String> members(String app, String whitelistId) {
        Response set = redis.sendAndAwait(Request.cmd(Command.SMEMBERS).arg(RedisKeys.whitelistMembers(app, whitelistId)));
        return java.util.stream.StreamSupport.stream(set.spliterator(), false).map(Response::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void aTaskIsCompiledIntoItsSegmentWithTheOffsetAsRevisionThroughEveryTransition() {
        String app = app();
        topic.publish(app, "app-" + app, 1, new AppRegistered(app, "Shop"));
        topic.publish(app, "whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        topic.publish(app, "whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of("u1", "u2", "u3")));
        topic.publish(app, "whitelist-w1", 3, new WhitelistMembersRemoved("w1", List.of("u2")));
        long created = topic.publish(app, "task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));

        Ruleset ruleset = awaitRevision(app, created);
        assertThat(ruleset.packages().get(0).active().get(0).whitelists().get(0).idType()).isEqualTo(IdType.USER_ID);
        assertThat(members(app, "w1")).containsExactlyInAnyOrder("u1", "u3");
        assertThat(redis.sendAndAwait(Request.cmd(Command.SISMEMBER).arg(RedisKeys.KNOWN_APPS).arg(app)).toInteger())
                .isEqualTo(1);
        assertThat(redis.sendAndAwait(Request.cmd(Command.HGET).arg(RedisKeys.REVISIONS)
                .arg(RedisKeys.segment(app, Platform.ANDROID))).toLong()).isEqualTo(created);

        long paused = topic.publish(app, "task-t1", 2, new ReleaseTaskPaused("t1", "20000001", "1.0.1",
                Platform.ANDROID, ReleaseType.GRAYSCALE));
        assertThat(awaitRevision(app, paused).packages().get(0).active().get(0).paused()).isTrue();
        long resumed = topic.publish(app, "task-t1", 3, new ReleaseTaskResumed("t1", "20000001", "1.0.1",
                Platform.ANDROID, ReleaseType.GRAYSCALE));
        assertThat(awaitRevision(app, resumed).packages().get(0).active().get(0).paused()).isFalse();
        long promoted = topic.publish(app, "task-t1", 4, new ReleaseTaskPromoted("t1", "20000001", "1.0.1",
                Platform.ANDROID, ReleaseType.OFFICIAL));
        assertThat(awaitRevision(app, promoted).packages().get(0).active().get(0).releaseType())
                .isEqualTo(ReleaseType.OFFICIAL);
        long finished = topic.publish(app, "task-t1", 5, new ReleaseTaskFinished("t1", "20000001", "1.0.1",
                Platform.ANDROID, ReleaseType.OFFICIAL));
        Ruleset done = awaitRevision(app, finished);
        assertThat(done.packages().get(0).active()).isEmpty();
        assertThat(done.packages().get(0).finished().get(0).version()).isEqualTo("1.0.1");

        topic.publish(app, "task-t2", 1, TaskEvents.official("t2", "20000001", "1.0.2"));
        long cancelled = topic.publish(app, "task-t2", 2, new ReleaseTaskCancelled("t2", "20000001", "1.0.2",
                Platform.ANDROID, ReleaseType.OFFICIAL));
        assertThat(awaitRevision(app, cancelled).packages().get(0).active()).isEmpty();
    }

    @Test
    void aMembershipChangeMovesTheAudienceRevisionOfTheTasksNamingTheWhitelistAlone() {
        String app = app();
        topic.publish(app, "whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        topic.publish(app, "whitelist-w2", 1, new WhitelistCreated("w2", "staff", IdType.USER_ID));
        long first = topic.publish(app, "task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));
        long second = topic.publish(app, "task-t2", 1, TaskEvents.grayscaleByWhitelist("t2", "20000002", "1.0.1", "w2"));
        assertThat(awaitRevision(app, second).packages()).extracting(pkg -> pkg.active().get(0).audienceRevision())
                .as("each task's creation").containsExactly(first, second);

        long added = topic.publish(app, "whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of("u1")));

        Ruleset ruleset = awaitRevision(app, added);
        assertThat(ruleset.packages()).extracting(pkg -> pkg.active().get(0).audienceRevision())
                .as("t1 names w1, t2 does not").containsExactly(added, second);
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String app = app();
        long created = topic.publish(app, "task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1"));
        String before = RulesetJson.write(awaitRevision(app, created));

        topic.publish(app, "task-t1", 1, TaskEvents.official("t1", "20000001", "9.9.9"));
        long marker = topic.publish(app, "task-other", 1, TaskEvents.official("t9", "20000009", "1.0"));

        Ruleset after = awaitRevision(app, marker);
        assertThat(after.packages().get(0)).isEqualTo(RulesetJson.read(before).packages().get(0));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsApplied() {
        String app = app();
        long poison = topic.raw(app, "{not json".getBytes(StandardCharsets.UTF_8));
        long unknownType = topic.raw(app, ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"Teleported\","
                + "\"schemaVersion\":1,\"appKey\":\"" + app + "\",\"streamId\":\"x\",\"streamVersion\":1,"
                + "\"data\":{}}").getBytes(StandardCharsets.UTF_8));
        long good = topic.publish(app, "task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1"));

        awaitRevision(app, good);
        await().atMost(DEADLINE).untilAsserted(() -> {
            Map<Long, String> reasons = deadLetterReasons(app);
            assertThat(reasons).containsOnlyKeys(poison, unknownType);
            assertThat(reasons.get(unknownType)).contains("Teleported");
        });
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("rollgate_targeting_dead_letters_total"));
    }

    @Test
    void eventsWithoutWhatTheConsumerNeedsAreDeadLettersAndTheirPartitionGoesOn() {
        String app = app();
        String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"%s\",\"schemaVersion\":1,"
                + "\"appKey\":\"" + app + "\",\"streamId\":\"task-p\",\"streamVersion\":1,\"data\":%s}";
        long noPlatform = topic.raw(app, envelope.formatted("ReleaseTaskPaused", "{\"taskId\":\"p\","
                + "\"packageId\":\"20000001\",\"version\":\"1.0\",\"releaseType\":\"OFFICIAL\"}")
                .getBytes(StandardCharsets.UTF_8));
        long nullData = topic.raw(app, envelope.formatted("ReleaseTaskCreated", "null").getBytes(StandardCharsets.UTF_8));
        long noAudience = topic.raw(app, envelope.formatted("ReleaseTaskCreated", "{\"taskId\":\"p\","
                + "\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"ANDROID\","
                + "\"releaseType\":\"GRAYSCALE\",\"artifact\":{\"sizeBytes\":1}}").getBytes(StandardCharsets.UTF_8));
        long good = topic.publish(app, "task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1"));

        // The release behind the poison reaches Redis: the partition did not stop.
        awaitRevision(app, good);
        await().atMost(DEADLINE).untilAsserted(() -> {
            Map<Long, String> reasons = deadLetterReasons(app);
            assertThat(reasons).containsOnlyKeys(noPlatform, nullData, noAudience);
            assertThat(reasons.get(noPlatform)).contains("platform is missing");
            assertThat(reasons.get(nullData)).contains("lacks type, appKey, streamId or data");
            assertThat(reasons.get(noAudience)).contains("grayscale is missing");
        });
    }

    /** A Redis restarted without persistence, or flushed, gets its state back from the topic unasked. */
    @Test
    void whenRedisLosesItsStateTheServiceRebuildsItFromTheTopic() {
        String app = app();
        long created = topic.publish(app, "task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1"));
        String before = RulesetJson.write(awaitRevision(app, created));

        redis.sendAndAwait(Request.cmd(Command.FLUSHALL));

        await().atMost(Duration.ofSeconds(30)).until(() -> get(RedisKeys.ruleset(app, Platform.ANDROID)) != null);
        assertThat(get(RedisKeys.ruleset(app, Platform.ANDROID))).isEqualTo(before);
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("rollgate_targeting_redis_losses_total"));
    }

    /**
     * The first batch read after Redis came back empty does not write on nothing: its ruleset would lack what
     * came before yet be newer by revision, and its marker would hide the loss from the watch for good.
     */
    @Test
    void aBatchReadFromAnEmptiedRedisWaitsForTheRebuildInsteadOfWritingWithoutHistory() {
        String app = app();
        awaitRevision(app, topic.publish(app, "task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1")));

        redis.sendAndAwait(Request.cmd(Command.FLUSHALL));
        long second = topic.publish(app, "task-t2", 1, TaskEvents.official("t2", "20000002", "1.0.2"));

        assertThat(awaitRevision(app, second).packages()).extracting(p -> p.packageId())
                .containsExactlyInAnyOrder("20000001", "20000002");
    }

    /**
     * An upgrade from the key names before Redis Cluster support: Redis holds the state under the old names only
     * (moved there from the new ones here). The service finds no marker, rebuilds every derived key under the new
     * names from the topic, and an event that arrives meanwhile is applied on top of its history.
     */
    @Test
    void aRedisWithTheKeyNamesOfBeforeClusterSupportIsRebuiltUnderTheNewOnes() {
        String app = app();
        awaitRevision(app, topic.publish(app, "task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1")));
        String old = RulesetJson.write(awaitRevision(app, topic.publish(app, "task-t2", 1,
                TaskEvents.official("t2", "20000002", "1.0.2"))));

        redis.sendAndAwait(Request.cmd(Command.RENAME).arg("rollgate-targeting:{derived}:live-offsets")
                .arg("rollgate-targeting:live-offsets"));
        String marker = DerivedKeys.LIVE.state();
        List<String> derived = new java.util.ArrayList<>();
        redis.sendAndAwait(Request.cmd(Command.KEYS).arg(RedisKeys.DERIVED_PREFIX + "*"))
                .forEach(key -> derived.add(key.toString()));
        derived.remove(marker);
        derived.add(marker); // last: its absence is what starts the rebuild
        for (String name : derived) {
            redis.sendAndAwait(Request.cmd(Command.RENAME).arg(name)
                    .arg("rollgate:" + name.substring(RedisKeys.DERIVED_PREFIX.length())));
        }
        long third = topic.publish(app, "task-t3", 1, TaskEvents.official("t3", "20000003", "1.0.3"));

        assertThat(awaitRevision(app, third).packages()).extracting(p -> p.packageId())
                .containsExactlyInAnyOrder("20000001", "20000002", "20000003");
        assertThat(get("rollgate:ruleset:" + RedisKeys.segment(app, Platform.ANDROID))).as("the old key, untouched")
                .isEqualTo(old);
    }

    @Test
    void aChangedSegmentIsAnnouncedOnTheChannel() throws Exception {
        String app = app();
        var subscriber = new ChannelSubscriber(RedisKeys.SEGMENT_CHANGED_CHANNEL);
        try (subscriber) {
            topic.publish(app, "task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1"));
            await().atMost(DEADLINE).until(() -> subscriber.messages().contains(RedisKeys.segment(app, Platform.ANDROID)));
        }
    }

    @Test
    void theServiceIsReadyWithKafkaAndRedis() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("Release events from Kafka"));
    }

    /** The app's messages on the dead-letter topic: each one's offset on the topic, and why. */
    private static Map<Long, String> deadLetterReasons(String app) {
        Map<Long, String> reasons = new HashMap<>();
        for (ConsumerRecord<String, String> dead : KafkaTopicReader.readAll(bootstrap(), Topics.RELEASE_EVENTS_DLQ)) {
            if (app.equals(dead.key())) {
                reasons.put(Long.parseLong(header(dead, "dead-letter-offset")), header(dead, "dead-letter-reason"));
            }
        }
        return reasons;
    }

    private static String bootstrap() {
        return System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
