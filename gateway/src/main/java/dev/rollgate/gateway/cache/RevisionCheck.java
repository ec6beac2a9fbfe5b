package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;

/**
 * Every few seconds, compares the revision of each cached segment with the one in Redis and drops what
 * moved: the safety net under pub/sub, which may lose a message without the subscription dropping.
 */
@ApplicationScoped
public class RevisionCheck {

    private final Vertx vertx;
    private final Redis redis;
    private final SegmentCache cache;
    private final GatewayConfig config;
    private long timer = -1;

    RevisionCheck(Vertx vertx, Redis redis, SegmentCache cache, GatewayConfig config) {
        this.vertx = vertx;
        this.redis = redis;
        this.cache = cache;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.revisionCheck().toMillis(), id -> check());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    private void check() {
        Map<String, Long> cached = cache.revisions();
        if (cached.isEmpty()) {
            return;
        }
        List<String> segments = List.copyOf(cached.keySet());
        Request hmget = Request.cmd(Command.HMGET).arg(RedisKeys.REVISIONS);
        segments.forEach(hmget::arg);
        redis.send(hmget).subscribe().with(revisions -> {
            for (int i = 0; i < segments.size(); i++) {
                long current = revisions.get(i) == null ? 0 : revisions.get(i).toLong();
                if (current != cached.get(segments.get(i))) {
                    cache.invalidate(segments.get(i));
                }
            }
        }, failure -> {
            // Redis is down: keep answering from what is cached; the subscription resets it when Redis is back.
        });
    }
}
