package dev.rollgate.gateway.audience;

import dev.rollgate.gateway.config.GatewayConfig;
import dev.rollgate.gateway.config.RedisServers;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Redis client for each event loop, for the client API's audience questions. Vert.x makes all of a client's
 * connections on the event loop of the context that made the client, so with one client a request served on
 * any other loop handed its commands over to that loop and had the answer handed back: two wake-ups of another
 * thread per first visit, measured at up to a fifth of the gateway's CPU on two cores. A client made on each loop
 * keeps the whole round trip on the loop that serves the request. A loop's client is made on the loop's first
 * question; that question, and any asked off an event loop, go through the shared Quarkus client.
 */
@ApplicationScoped
public class EventLoopRedis {

    /**
     * Connections per loop: a connection is lent for one round trip, a fraction of a millisecond, so a few serve a
     * loop's tens of thousands of questions a second; a question waits for one rather than opening more.
     */
    static final int CONNECTIONS_PER_LOOP = 8;
    private static final int WAITING_PER_LOOP = 4096;

    private final Redis shared;
    private final Vertx vertx;
    private final RedisOptions options;
    private final ThreadLocal<Redis> ofThisLoop = new ThreadLocal<>();
    private final List<Redis> made = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Inject
    EventLoopRedis(Redis shared, Vertx vertx, GatewayConfig config) {
        this(shared, vertx, RedisServers.options(config));
    }

    EventLoopRedis(Redis shared, Vertx vertx, RedisOptions options) {
        this.shared = shared;
        this.vertx = vertx;
        this.options = new RedisOptions(options).setMaxPoolSize(CONNECTIONS_PER_LOOP)
                .setMaxPoolWaiting(WAITING_PER_LOOP);
    }

    /** The client of the event loop this runs on; the shared one off event loops or until the loop's is made. */
    public Redis current() {
        Redis own = ofThisLoop.get();
        if (own != null) {
            return own;
        }
        Context context = io.vertx.core.Vertx.currentContext();
        if (context == null || !context.isEventLoopContext() || closed) {
            return shared;
        }
        ofThisLoop.set(shared);
        // Made on the loop's root context, not the request's duplicate of it: the client's connections answer on
        // the context that made it, and a request's context carries that request's state.
        VertxContext.getRootContext(context).runOnContext(ignored -> {
            if (!closed) {
                Redis client = Redis.createClient(vertx, options);
                made.add(client);
                ofThisLoop.set(client);
            }
        });
        return shared;
    }

    /** How many loops have a client of their own. */
    int loopClients() {
        return made.size();
    }

    @PreDestroy
    void close() {
        closed = true;
        made.forEach(Redis::close);
    }
}
