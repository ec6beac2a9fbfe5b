package dev.rollgate.gateway.cache;

import dev.rollgate.gateway.config.GatewayConfig;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;

import java.util.Arrays;
import java.util.List;

/**
 * The options of the subscription's own client, made from the settings of the Quarkus client so that both
 * reach the same Redis: one server, through Sentinel the current primary, or a cluster. Through Sentinel, each
 * connect asks the Sentinels again (their answer is cached for a second), so the subscription that a failover
 * cut resubscribes on the new primary. On a cluster it subscribes on one master: a cluster hands a message
 * published on any node to the subscribers of every node.
 */
final class SubscriptionRedisOptions {

    private SubscriptionRedisOptions() {
    }

    static RedisOptions of(GatewayConfig config) {
        List<String> endpoints = Arrays.stream(config.redisUrl().split(",")).map(String::trim)
                .filter(endpoint -> !endpoint.isEmpty()).toList();
        // RESP2: messages arrive as plain arrays on the connection's handler.
        RedisOptions options = new RedisOptions().setType(config.redisClientType()).setEndpoints(endpoints)
                .setPreferredProtocolVersion(ProtocolVersion.RESP2);
        if (config.redisClientType() == RedisClientType.SENTINEL) {
            // The primary, where targeting-service publishes: a replica hears it only while it replicates.
            options.setMasterName(config.redisMasterName()).setRole(RedisRole.MASTER);
        }
        return options;
    }
}
