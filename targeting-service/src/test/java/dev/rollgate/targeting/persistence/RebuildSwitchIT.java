package dev.rollgate.targeting.persistence;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.redis.DerivedKeys;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.targeting.domain.BatchCompiler;
import dev.rollgate.targeting.domain.BatchNeeds;
import dev.rollgate.targeting.domain.BatchWrites;
import dev.rollgate.targeting.domain.ConsumedEvent;
import dev.rollgate.targeting.domain.TaskEvents;
import dev.rollgate.testing.RedisProcess;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The switch of a rebuild while live instances go on writing the live keys, on a Redis of the test's own
 * (a switch replaces every live key): it waits for a replay that has not reached the live keys, and a live
 * batch written after the switch began makes Redis refuse it, so the rebuilt keys never replace state they
 * do not hold; a live batch read before the switch and written after it is fenced, and read again from the
 * rebuilt keys.
 */
class RebuildSwitchIT {

    private static RedisProcess server;
    private static Vertx vertx;
    private static Redis redis;
    private RedisTargetingStore live;
    private RedisTargetingStore rebuild;
    private final String app = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void startRedis() {
        server = RedisProcess.startNew(Path.of("target"));
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url()));
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
        vertx.closeAndAwait();
        server.close();
    }

    @BeforeEach
    void stores() {
        redis.sendAndAwait(Request.cmd(Command.FLUSHALL));
        live = new RedisTargetingStore(redis);
        rebuild = new RedisTargetingStore(redis);
    }

    @AfterEach
    void closeStores() {
        live.close();
        rebuild.close();
    }

    /** Task n's event, at offset n of partition 0. */
    private ConsumedEvent task(int n) {
        return task(app, n);
    }

    private static ConsumedEvent task(String appKey, int n) {
        EventData data = TaskEvents.official("t" + n, "2000000" + n, "1.0." + n);
        return new ConsumedEvent(0, n, EventJson.envelope(UUID.randomUUID(), appKey, "task-t" + n, 1,
                Instant.now(), "tester", data), data);
    }

    private static void apply(RedisTargetingStore store, DerivedKeys keys, ConsumedEvent... events) {
        List<ConsumedEvent> batch = List.of(events);
        store.write(BatchCompiler.compile(batch, store.load(BatchNeeds.of(batch), keys)), keys, false);
    }

    private List<String> packages(DerivedKeys keys) throws Exception {
        return packages(app, keys);
    }

    private static List<String> packages(String appKey, DerivedKeys keys) throws Exception {
        Response json = redis.sendAndAwait(Request.cmd(Command.GET).arg(keys.ruleset(appKey, Platform.ANDROID)));
        return json == null ? List.of()
                : RulesetJson.read(json.toString()).packages().stream().map(PackageRules::packageId).toList();
    }

    @Test
    void aLiveBatchWrittenWhileTheSwitchIsUnderWayMakesRedisRefuseIt() throws Exception {
        RebuildSwitch rebuildSwitch = new RebuildSwitch(redis);
        apply(live, DerivedKeys.LIVE, task(1));
        apply(rebuild, DerivedKeys.REBUILD, task(1));

        // A live instance writes its batch between the switch's WATCH and its EXEC: while it scans the keys.
        AtomicBoolean written = new AtomicBoolean();
        Optional<RebuildSwitch.Switched> refused = new RebuildSwitch(redis) {
            @Override
            List<String> scan(DerivedKeys keys) {
                if (keys.equals(DerivedKeys.REBUILD) && !written.getAndSet(true)) {
                    apply(live, DerivedKeys.LIVE, task(2));
                }
                return super.scan(keys);
            }
        }.switchIn(DerivedKeys.REBUILD, Map.of(0, 2L));

        assertThat(written).as("the live batch was written during the switch").isTrue();
        assertThat(refused).isEmpty();
        assertThat(packages(DerivedKeys.LIVE)).containsExactly("20000001", "20000002");
        assertThat(packages(DerivedKeys.REBUILD)).containsExactly("20000001");

        apply(rebuild, DerivedKeys.REBUILD, task(2));
        assertThat(rebuildSwitch.switchIn(DerivedKeys.REBUILD, Map.of(0, 2L)))
                .as("the live keys hold task 2 now, which the replay has not reached").isEmpty();
        Optional<RebuildSwitch.Switched> switched = rebuildSwitch.switchIn(DerivedKeys.REBUILD, Map.of(0, 3L));
        assertThat(switched).isPresent();
        assertThat(packages(DerivedKeys.LIVE)).containsExactly("20000001", "20000002");
        assertThat(packages(DerivedKeys.REBUILD)).isEmpty();
    }

    @Test
    void aReplayThatHasNotReachedTheLiveKeysIsNotSwitchedIn() throws Exception {
        RebuildSwitch rebuildSwitch = new RebuildSwitch(redis);
        apply(live, DerivedKeys.LIVE, task(1), task(2));
        apply(rebuild, DerivedKeys.REBUILD, task(1));

        assertThat(rebuildSwitch.switchIn(DerivedKeys.REBUILD, Map.of(0, 2L))).isEmpty();
        assertThat(packages(DerivedKeys.LIVE)).containsExactly("20000001", "20000002");
        assertThat(packages(DerivedKeys.REBUILD)).containsExactly("20000001");
    }

    @Test
    void liveOffsetsPastTheTopicsEndDoNotHoldTheSwitchForEver() throws Exception {
        RebuildSwitch rebuildSwitch = new RebuildSwitch(redis);
        apply(live, DerivedKeys.LIVE, task(1), task(2));
        apply(rebuild, DerivedKeys.REBUILD, task(1), task(2));

        // The live offsets say 3 on partition 0; a topic that ends at 2 there (made anew) has no event 2.
        assertThat(rebuildSwitch.switchIn(DerivedKeys.REBUILD, Map.of(0, 2L))).isEmpty();
        assertThat(rebuildSwitch.switchIn(DerivedKeys.REBUILD, Map.of(0, 2L), () -> Map.of(0, 2L))).isPresent();
    }

    @Test
    void aLiveBatchReadBeforeTheSwitchIsFencedAndReadAgainFromTheRebuiltKeys() throws Exception {
        RebuildSwitch rebuildSwitch = new RebuildSwitch(redis);
        apply(live, DerivedKeys.LIVE, task(1));
        apply(rebuild, DerivedKeys.REBUILD, task(1), task(2));

        List<ConsumedEvent> batch = List.of(task(2), task(3));
        BatchWrites readBefore = BatchCompiler.compile(batch, live.load(BatchNeeds.of(batch), DerivedKeys.LIVE));
        assertThat(rebuildSwitch.switchIn(DerivedKeys.REBUILD, Map.of(0, 3L))).isPresent();

        assertThatThrownBy(() -> live.write(readBefore, DerivedKeys.LIVE, true))
                .isInstanceOf(FencedWriteException.class);
        BatchWrites readAgain = BatchCompiler.compile(batch, live.load(BatchNeeds.of(batch), DerivedKeys.LIVE));
        assertThat(readAgain.skipped()).as("task t2 came with the rebuilt keys").isEqualTo(1);
        live.write(readAgain, DerivedKeys.LIVE, true);
        assertThat(packages(DerivedKeys.LIVE)).containsExactly("20000001", "20000002", "20000003");
    }

    @Test
    void aSwitchOfMoreKeysThanAConnectionTakesInOneBatchGoesThrough() throws Exception {
        // A Vert.x connection refuses a batch past 2,048 commands ("Redis waiting queue is full"); a stack of a
        // thousand apps has more derived keys than that to rename, and a batch of their events more to write.
        List<ConsumedEvent> events = new ArrayList<>();
        for (int n = 1; n <= 1_200; n++) {
            events.add(task(app + "-" + n, n));
        }
        apply(rebuild, DerivedKeys.REBUILD, events.toArray(ConsumedEvent[]::new));

        Optional<RebuildSwitch.Switched> switched = new RebuildSwitch(redis)
                .switchIn(DerivedKeys.REBUILD, Map.of(0, 1_201L));

        assertThat(switched).isPresent();
        assertThat(switched.get().keysSwitched()).isGreaterThan(2_048);
        assertThat(packages(app + "-1", DerivedKeys.LIVE)).containsExactly("20000001");
        assertThat(packages(app + "-1200", DerivedKeys.LIVE)).containsExactly("20000001200");
        assertThat(packages(app + "-1200", DerivedKeys.REBUILD)).isEmpty();
    }
}
