package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Listens on the segment-changed channel with a connection of its own and drops each announced segment
 * from the near cache at once. Whenever the subscription is (re)established the whole cache is dropped:
 * messages sent while it was down are lost, and a stale answer must not outlive them.
 */
@ApplicationScoped
public class SegmentChangeListener {

    private static final Logger LOG = Logger.getLogger(SegmentChangeListener.class);

    private final Vertx vertx;
    private final SegmentCache cache;
    private final GatewayConfig config;
    private volatile boolean running;
    private volatile boolean subscribed;
    private Redis client;
    private RedisConnection connection;

    SegmentChangeListener(Vertx vertx, SegmentCache cache, GatewayConfig config) {
        this.vertx = vertx;
        this.cache = cache;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        client = Redis.createClient(vertx, SubscriptionRedisOptions.of(config));
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        RedisConnection closing = connection;
        // Given up first: its end handler, run by the close, then leaves it alone.
        connection = null;
        if (closing != null) {
            closing.close();
        }
        if (client != null) {
            client.close();
        }
    }

    /** True while changes reach this gateway the moment they are made. */
    public boolean isSubscribed() {
        return subscribed;
    }

    private void subscribe() {
        if (!running) {
            return;
        }
        client.connect().onSuccess(conn -> {
            connection = conn;
            conn.handler(this::onMessage);
            conn.exceptionHandler(e -> lost(conn, "failed: " + e.getMessage()));
            conn.endHandler(v -> lost(conn, "closed"));
            conn.send(Request.cmd(Command.SUBSCRIBE).arg(RedisKeys.SEGMENT_CHANGED_CHANNEL)).onSuccess(r -> {
                subscribed = true;
                cache.invalidateAll();
                LOG.infof("subscribed to %s; the near cache starts afresh", RedisKeys.SEGMENT_CHANGED_CHANNEL);
            }).onFailure(e -> lost(conn, "refused: " + e.getMessage()));
        }).onFailure(e -> lost(null, "could not connect: " + e.getMessage()));
    }

    private void onMessage(Response message) {
        if (message.size() >= 3 && "message".equals(message.get(0).toString())) {
            cache.invalidate(message.get(2).toString());
        }
    }

    /**
     * @param gone the connection that failed, or null when none was made. One given up already is ignored: on a
     *             cluster, the connection to each node reports its end, and only the first resubscribes.
     */
    private void lost(RedisConnection gone, String why) {
        if (gone != connection) {
            return;
        }
        boolean wasSubscribed = subscribed;
        subscribed = false;
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (running) {
            if (wasSubscribed) {
                LOG.warnf("the segment-changed subscription %s; resubscribing", why);
            }
            vertx.setTimer(config.resubscribeBackoff().toMillis(), id -> subscribe());
        }
    }
}
