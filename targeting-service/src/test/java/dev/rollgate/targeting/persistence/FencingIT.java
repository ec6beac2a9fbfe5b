package dev.rollgate.targeting.persistence;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.redis.DerivedKeys;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.targeting.domain.BatchCompiler;
import dev.rollgate.targeting.domain.BatchNeeds;
import dev.rollgate.targeting.domain.BatchWrites;
import dev.rollgate.targeting.domain.ConsumedEvent;
import dev.rollgate.targeting.domain.TaskEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances that both believe they own an app's partition, as after one stalled past its session
 * timeout: the one that read the state before the other wrote cannot write its older result over it.
 */
@QuarkusTest
class FencingIT {

    @Inject
    Redis redis;

    private static ConsumedEvent event(String app, String stream, long offset, EventData data) {
        return new ConsumedEvent(0, offset, EventJson.envelope(UUID.randomUUID(), app, stream, 1, Instant.now(),
                "tester", data), data);
    }

    private static BatchWrites applied(RedisTargetingStore store, List<ConsumedEvent> events) {
        return BatchCompiler.compile(events, store.load(BatchNeeds.of(events), DerivedKeys.LIVE));
    }

    private List<String> packagesInRedis(String app) throws Exception {
        String json = redis.sendAndAwait(Request.cmd(Command.GET).arg(RedisKeys.ruleset(app, Platform.ANDROID)))
                .toString();
        return RulesetJson.read(json).packages().stream().map(PackageRules::packageId).toList();
    }

    @Test
    void aStalledInstanceCannotWriteAnOlderStateOverTheNewerOneAnotherWrote() throws Exception {
        String app = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ConsumedEvent first = event(app, "task-t1", 10, TaskEvents.official("t1", "20000001", "1.0.1"));
        ConsumedEvent second = event(app, "task-t2", 11, TaskEvents.official("t2", "20000002", "2.0.0"));
        RedisTargetingStore stalled = new RedisTargetingStore(redis);
        RedisTargetingStore successor = new RedisTargetingStore(redis);
        try {
            BatchWrites stale = applied(stalled, List.of(first));
            successor.write(applied(successor, List.of(first, second)), DerivedKeys.LIVE, true);

            assertThatThrownBy(() -> stalled.write(stale, DerivedKeys.LIVE, true))
                    .isInstanceOf(FencedWriteException.class);
            assertThat(packagesInRedis(app)).containsExactly("20000001", "20000002");

            // Read again, the same events are already applied: nothing older is written.
            BatchWrites again = applied(stalled, List.of(first));
            assertThat(again.isEmpty()).isTrue();
            stalled.write(again, DerivedKeys.LIVE, true);
            assertThat(packagesInRedis(app)).containsExactly("20000001", "20000002");
        } finally {
            stalled.close();
            successor.close();
        }
    }

    @Test
    void anInstanceAloneWritesWhatItRead() throws Exception {
        String app = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        RedisTargetingStore store = new RedisTargetingStore(redis);
        try {
            store.write(applied(store, List.of(event(app, "task-t1", 10, TaskEvents.official("t1", "20000001", "1.0.1")))),
                    DerivedKeys.LIVE, true);
            assertThat(packagesInRedis(app)).containsExactly("20000001");
        } finally {
            store.close();
        }
    }
}
