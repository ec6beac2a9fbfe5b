package dev.rollgate.gateway.cache;

import dev.rollgate.gateway.config.GatewayConfig;
import dev.rollgate.gateway.config.RedisServers;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisOptions;

/**
 * The options of the subscription's own client: the Redis the Quarkus client reaches ({@link RedisServers}).
 * Through Sentinel, the subscription that a failover cut resubscribes on the new primary. On a cluster it
 * subscribes on one master: a cluster hands a message published on any node to the subscribers of every node.
 */
final class SubscriptionRedisOptions {

    private SubscriptionRedisOptions() {
    }

    static RedisOptions of(GatewayConfig config) {
        // RESP2: messages arrive as plain arrays on the connection's handler.
        return RedisServers.options(config).setPreferredProtocolVersion(ProtocolVersion.RESP2);
    }
}
