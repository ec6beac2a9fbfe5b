package dev.rollgate.targeting.messaging;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.targeting.domain.TaskEvents;
import dev.rollgate.testing.EventTopicWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;

@QuarkusTest
class RebuildIT {

    @Inject
    Redis redis;

    /** Every derived key with its content, in a form that compares: strings, sorted sets and hashes. */
    private Map<String, String> derivedKeys() {
        Map<String, String> snapshot = new TreeMap<>();
        Response keys = redis.sendAndAwait(Request.cmd(Command.KEYS).arg(RedisKeys.DERIVED_PREFIX + "*"));
        for (Response key : keys) {
            String name = key.toString();
            String type = redis.sendAndAwait(Request.cmd(Command.TYPE).arg(name)).toString();
            String value = switch (type) {
                case "string" -> redis.sendAndAwait(Request.cmd(Command.GET).arg(name)).toString();
                case "set" -> java.util.stream.StreamSupport.stream(
                        redis.sendAndAwait(Request.cmd(Command.SMEMBERS).arg(name)).spliterator(), false)
                        .map(Response::toString).sorted().toList().toString();
                case "hash" -> {
                    Map<String, String> hash = new TreeMap<>();
                    Response all = redis.sendAndAwait(Request.cmd(Command.HGETALL).arg(name));
                    for (String field : all.getKeys()) {
                        hash.put(field, all.get(field).toString());
                    }
                    yield hash.toString();
                }
                default -> type;
            };
            snapshot.put(name, value);
        }
        return snapshot;
    }

    @Test
    void rebuildingFromTheTopicGivesTheSameKeysByteForByte() throws InterruptedException {
        String app = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long last;
        try (EventTopicWriter topic = new EventTopicWriter()) {
            topic.publish(app, "app-" + app, 1, new AppRegistered(app, "Rebuilt"));
            topic.publish(app, "whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
            topic.publish(app, "whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of("u1", "u2")));
            topic.publish(app, "task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));
            topic.publish(app, "task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));
            topic.publish(app, "task-t2", 1, TaskEvents.official("t2", "20000002", "3.1"));
            last = topic.publish(app, "task-t1", 2, new ReleaseTaskPaused("t1", "20000001", "1.0.1", Platform.ANDROID,
                    ReleaseType.GRAYSCALE));
        }
        String segment = RedisKeys.segment(app, Platform.ANDROID);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response revision = redis.sendAndAwait(Request.cmd(Command.HGET).arg(RedisKeys.REVISIONS).arg(segment));
            return revision != null && revision.toLong() == last;
        });
        Map<String, String> before = derivedKeys();
        String claims = RedisKeys.timeWindowClaims(app, "t9");
        redis.sendAndAwait(Request.cmd(Command.SADD).arg(claims).arg("u:someone"));

        // What a gateway reads, read all through the rebuild: the app never goes missing, its ruleset never
        // goes back to an earlier revision.
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (rebuilding.get()) {
                Response known = redis.sendAndAwait(Request.cmd(Command.SISMEMBER).arg(RedisKeys.KNOWN_APPS).arg(app));
                Response revision = redis.sendAndAwait(Request.cmd(Command.HGET).arg(RedisKeys.REVISIONS).arg(segment));
                seen.add(known.toInteger() + "/" + (revision == null ? "none" : revision.toString()));
            }
        });
        try {
            given().post("/admin/rebuild").then().statusCode(200)
                    .body("keysSwitched", greaterThan(0)).body("eventsApplied", greaterThan(0));
        } finally {
            rebuilding.set(false);
            reader.join();
        }

        assertThat(derivedKeys()).isEqualTo(before);
        assertThat(seen).isNotEmpty().containsOnly("1/" + last);
        assertThat(redis.sendAndAwait(Request.cmd(Command.SISMEMBER).arg(claims).arg("u:someone")).toInteger())
                .as("time-window claims are not derived from events and survive a rebuild").isEqualTo(1);
    }
}
