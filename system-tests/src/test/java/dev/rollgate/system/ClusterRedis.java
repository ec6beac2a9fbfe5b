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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A Redis Cluster of three masters and no replicas, from the machine's {@code redis-server}, on free ports and
 * keeping nothing on disk but each node's cluster file. Every process is stopped by PID on {@link #close()}
 * and at JVM exit.
 */
final class ClusterRedis implements AutoCloseable {

    private static final int MASTERS = 3;

    private final List<RedisProcess> nodes = new ArrayList<>();
    private final List<RedisReader> readers = new ArrayList<>();

    ClusterRedis(Path logs) {
        try {
            Path configs = Files.createTempDirectory("rollgate-cluster");
            for (int i = 0; i < MASTERS; i++) {
                nodes.add(RedisProcess.startNew(logs, null, List.of("--cluster-enabled", "yes",
                        "--cluster-config-file", configs.resolve("nodes-" + i + ".conf").toString(),
                        "--save", "", "--appendonly", "no")));
            }
            nodes.forEach(node -> readers.add(new RedisReader(node.url())));
            create(logs);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> readers.stream()
                    .allMatch(node -> node.send(Request.cmd(Command.CLUSTER).arg("INFO")).toString()
                            .contains("cluster_state:ok")));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** What the services are given as REDIS_URL: every master. */
    String urls() {
        return nodes.stream().map(RedisProcess::url).collect(Collectors.joining(","));
    }

    int keySlot(String key) {
        return readers.getFirst().send(Request.cmd(Command.CLUSTER).arg("KEYSLOT").arg(key)).toInteger();
    }

    /** The index of the master that serves {@code slot}. */
    int masterOf(int slot) {
        for (Response range : readers.getFirst().send(Request.cmd(Command.CLUSTER).arg("SLOTS"))) {
            if (range.get(0).toInteger() <= slot && slot <= range.get(1).toInteger()) {
                int port = range.get(2).get(1).toInteger();
                for (int i = 0; i < nodes.size(); i++) {
                    if (nodes.get(i).port() == port) {
                        return i;
                    }
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    /** Speaks to one master directly, as a plain client. */
    RedisReader node(int index) {
        return readers.get(index);
    }

    int size() {
        return nodes.size();
    }

    private void create(Path logs) throws IOException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process create = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("redis-cluster-create.log").toFile()).start();
        try {
            if (!create.waitFor(30, TimeUnit.SECONDS)) {
                create.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create did not finish; see " + logs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (create.exitValue() != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed; see " + logs);
        }
    }

    @Override
    public void close() {
        readers.forEach(RedisReader::close);
        nodes.forEach(RedisProcess::close);
    }
}
