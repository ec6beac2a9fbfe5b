package dev.rollgate.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.redis.client.RedisClientType;

import java.time.Duration;

@ConfigMapping(prefix = "rollgate.gateway")
public interface GatewayConfig {

    /**
     * The Redis the pub/sub subscription connects to: the same as the client pool's. Through Sentinel, the
     * Sentinels' addresses, comma-separated; on a cluster, some of its masters'.
     */
    String redisUrl();

    /**
     * {@code standalone}; {@code sentinel}: the subscription then asks the Sentinels for the primary; or
     * {@code cluster}: it subscribes on one master, which hears what is published on any node.
     */
    RedisClientType redisClientType();

    /** The name the Sentinels know the primary by; only read through Sentinel. */
    String redisMasterName();

    /** Told to every client: when to ask again. */
    @WithDefault("60")
    int nextCheckAfterSeconds();

    /** How often cached revisions are compared with Redis, in case a pub/sub message was lost. */
    @WithDefault("2s")
    Duration revisionCheck();

    /** The pause before the pub/sub subscription is tried again after it dropped. */
    @WithDefault("1s")
    Duration resubscribeBackoff();

    /** Where console calls for apps, packages and versions go. */
    String packageServiceUrl();

    /** Where console calls for release tasks and whitelists go. */
    String releaseServiceUrl();

    /** A console call that an owning service has not answered by then gets 503. */
    @WithDefault("10s")
    Duration upstreamTimeout();

    /**
     * How much heap the gateway's caches take together (compiled segments, encoded answers, what Redis said
     * about clients' audiences): a share of the maximum heap such as {@code 30%}, or a size such as
     * {@code 256M}. Past it the least valuable entries go.
     */
    @WithDefault("30%")
    String cacheBudget();

    /**
     * Client API requests this gateway works on at once; past it, and while its heap is nearly full after a
     * collection, it answers 503 with Retry-After rather than fall over.
     */
    @WithDefault("2048")
    int maxClientRequestsInFlight();

    /** Outcome reports one device may send a minute; past it a batch gets 429. */
    @WithDefault("600")
    int reportsPerDevicePerMinute();

    /** Larger console bodies get 413; a 100,000-id whitelist upload fits. Package uploads have their own limit. */
    @WithDefault("16M")
    MemorySize maxBodySize();

    /**
     * How long a package upload may take through the proxy, from its first byte to package-service's answer
     * (the upload itself, its checks, the diffs and the store): far longer than a console call.
     */
    @WithDefault("10m")
    Duration uploadTimeout();
}
