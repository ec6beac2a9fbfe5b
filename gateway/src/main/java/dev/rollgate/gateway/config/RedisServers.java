package dev.rollgate.gateway.config;

import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisRole;

import java.util.Arrays;
import java.util.List;

/**
 * Options that reach the Redis the Quarkus client reaches, for the gateway's own clients: one server, through
 * Sentinel the current primary, or a cluster. Through Sentinel each connect asks the Sentinels again (their
 * answer is cached for a second), so connections made after a failover go to the new primary.
 */
public final class RedisServers {

    private RedisServers() {
    }

    public static RedisOptions options(GatewayConfig config) {
        List<String> endpoints = Arrays.stream(config.redisUrl().split(",")).map(String::trim)
                .filter(endpoint -> !endpoint.isEmpty()).toList();
        RedisOptions options = new RedisOptions().setType(config.redisClientType()).setEndpoints(endpoints);
        if (config.redisClientType() == RedisClientType.SENTINEL) {
            // The primary: claims are written, and targeting-service publishes there.
            options.setMasterName(config.redisMasterName()).setRole(RedisRole.MASTER);
        }
        return options;
    }
}
