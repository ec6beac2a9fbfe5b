package dev.rollgate.system;

import dev.rollgate.testing.RedisProcess;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Redis under Sentinel as deploy/k8s runs it, smaller and quicker, on free ports: a primary, a replica and
 * three Sentinels that watch them (quorum two) and promote the replica a second or two after the primary
 * stops answering. Every process is
 * stopped by PID on {@link #close()} and at JVM exit.
 */
final class SentinelRedis implements AutoCloseable {

    static final String MASTER_NAME = "rollgate-failover";
    private static final int SENTINELS = 3;

    final RedisProcess primary;
    final RedisProcess replica;
    private final List<RedisProcess> sentinels = new ArrayList<>();
    private final List<RedisReader> askSentinels = new ArrayList<>();
    private final RedisReader askReplica;

    SentinelRedis(Path logs) {
        primary = RedisProcess.startNew(logs);
        replica = RedisProcess.startReplicaOf(primary, logs);
        askReplica = new RedisReader(replica.url());
        try {
            Path configs = Files.createTempDirectory("rollgate-sentinels");
            for (int i = 0; i < SENTINELS; i++) {
                RedisProcess sentinel = RedisProcess.startNew(logs, sentinelConfig(configs, i), List.of("--sentinel"));
                sentinels.add(sentinel);
                askSentinels.add(new RedisReader(sentinel.url()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the services are given as REDIS_URL: every Sentinel. */
    String sentinelUrls() {
        return sentinels.stream().map(RedisProcess::url).collect(Collectors.joining(","));
    }

    /**
     * Waits until a failover could happen: the replica holds a copy, and every Sentinel knows the other two
     * and the replica (they learn of them from the primary, within seconds of starting).
     */
    void awaitWatched(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() ->
                askReplica.send(Request.cmd(Command.INFO).arg("replication")).toString()
                        .contains("master_link_status:up")
                && askSentinels.stream().allMatch(sentinel ->
                        sentinel.send(sentinelCommand("SENTINELS")).size() == SENTINELS - 1
                        && sentinel.send(sentinelCommand("REPLICAS")).size() == 1));
    }

    /** Waits until the replica has applied everything the primary acknowledged. */
    void awaitReplicated(Duration atMost) {
        try (RedisReader reader = new RedisReader(primary.url())) {
            Response acknowledged = reader.send(Request.cmd(Command.WAIT).arg(1).arg(atMost.toMillis()));
            if (acknowledged.toInteger() < 1) {
                throw new IllegalStateException("the replica did not catch up within " + atMost);
            }
        }
    }

    /** The port of the server the Sentinels name as primary now. */
    int primaryPort() {
        Response address = askSentinels.getFirst().send(Request.cmd(Command.SENTINEL).arg("GET-MASTER-ADDR-BY-NAME")
                .arg(MASTER_NAME));
        return address.get(1).toInteger();
    }

    private static Request sentinelCommand(String what) {
        return Request.cmd(Command.SENTINEL).arg(what).arg(MASTER_NAME);
    }

    /** Written anew for each Sentinel: it rewrites its file with what it learns. */
    private Path sentinelConfig(Path directory, int index) throws IOException {
        Path config = directory.resolve("sentinel-" + index + ".conf");
        Files.writeString(config, String.join("\n",
                "dir " + directory,
                "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primary.port() + " 2",
                // Down after a second of silence; the failover itself must take seconds, not minutes.
                "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                "sentinel failover-timeout " + MASTER_NAME + " 5000",
                ""));
        return config;
    }

    /** Speaks to the replica (the primary after a failover) directly. */
    RedisReader replicaReader() {
        return askReplica;
    }

    @Override
    public void close() {
        askSentinels.forEach(RedisReader::close);
        askReplica.close();
        sentinels.forEach(RedisProcess::close);
        replica.close();
        primary.close();
    }
}
