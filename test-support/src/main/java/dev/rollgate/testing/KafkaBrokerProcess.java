package dev.rollgate.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker (KRaft) run as a child process from the jars in {@code $ROLLGATE_KAFKA_LIB}
 * (the test command resolves and exports them), on free ports, for tests that must stop and restart a
 * broker. It keeps its ports and log directory across {@link #stop()} and {@link #start()}, and is killed
 * by PID on {@link #close()} and at JVM exit, also when a test fails.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBrokerProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path lib;
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBrokerProcess(Path lib, Path dir, int port, int controllerPort) {
        this.lib = lib;
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "kafka-broker-reaper"));
    }

    /** Formats a fresh log directory and starts a broker; call {@link #close()} when done. */
    public static KafkaBrokerProcess startNew() {
        String lib = System.getenv("ROLLGATE_KAFKA_LIB");
        if (lib == null || !Files.isDirectory(Path.of(lib))) {
            throw new IllegalStateException("ROLLGATE_KAFKA_LIB does not name the broker's jar folder: run the tests "
                    + "with deploy/local/test, which resolves the jars and exports it");
        }
        try {
            Path dir = Files.createTempDirectory("rollgate-kafka-");
            KafkaBrokerProcess broker = new KafkaBrokerProcess(Path.of(lib), dir, FreePorts.next(), FreePorts.next());
            broker.configure();
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker (again, on the same ports and data) and waits until it answers. */
    public void start() {
        if (isRunning()) {
            return;
        }
        process = launch(List.of("kafka.Kafka", dir.resolve("server.properties").toString()), dir.resolve("kafka.log"));
        awaitAnswering();
        LOG.infof("Kafka broker up on %s (pid %d)", bootstrapServers(), process.pid());
    }

    /** Stops the broker the hard way (as a crash would), keeping its data for a later {@link #start()}. */
    public void stop() {
        kill();
    }

    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create topic " + name, e);
        }
    }

    @Override
    public void close() {
        kill();
        deleteQuietly(dir);
    }

    private synchronized void kill() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.infof("Kafka broker on %s stopped (pid %d)", bootstrapServers(), process.pid());
        process = null;
    }

    private void configure() throws IOException {
        Files.writeString(dir.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=6",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0", ""));
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.out.ref = OUT", ""));
    }

    private void format() {
        String clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        Process format = launch(List.of("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId,
                "--config", dir.resolve("server.properties").toString()), dir.resolve("format.log"));
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka log directory failed: "
                        + Files.readString(dir.resolve("format.log")));
            }
        } catch (InterruptedException | IOException e) {
            throw new IllegalStateException("formatting the Kafka log directory failed", e);
        }
    }

    private Process launch(List<String> mainAndArgs, Path log) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms128m", "-Xmx512m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", lib.resolve("*").toString()));
        command.addAll(mainAndArgs);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void awaitAnswering() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited during start-up; see " + dir.resolve("kafka.log"));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                sleep(Duration.ofMillis(200));
            }
        }
        throw new IllegalStateException("the Kafka broker did not answer on " + bootstrapServers() + " within "
                + START_TIMEOUT.toSeconds() + " s");
    }

    private Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000);
        return Admin.create(properties);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", root, e.getMessage());
        }
    }
}
