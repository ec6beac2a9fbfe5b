package dev.rollgate.system;

import dev.rollgate.testing.ServiceProcess;
import dev.rollgate.testing.TestTokens;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Faults of the parts Rollgate runs on: the broker, Redis, PostgreSQL, and its own processes. */
final class InfrastructureFaults {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final int PARTITIONS = 6;

    private final ChaosStack stack;

    InfrastructureFaults(ChaosStack stack) {
        this.stack = stack;
    }

    FaultFigures brokerStoppedAndStarted() {
        FaultFigures figures = new FaultFigures("broker stopped 3 s and started");
        try (ChaosApp app = new ChaosApp(stack, "broker")) {
            releases(app, 3);
            stack.broker.stop();
            releases(app, 5);
            ChaosApp.pause(3_000);
            stack.broker.start();
            long ended = System.nanoTime();
            releases(app, 2);
            app.settle(figures, ended, SETTLE);
        }
        return figures;
    }

    FaultFigures targetingKilledMidBatch() {
        FaultFigures figures = new FaultFigures("targeting-service killed mid-batch, restarted");
        try (ChaosApp app = new ChaosApp(stack, "killed")) {
            releases(app, 5);
            stack.targeting.kill();
            releases(app, 5);
            stack.targeting.start();
            long ended = System.nanoTime();
            app.settle(figures, ended, SETTLE);
        }
        return figures;
    }

    /**
     * A second instance shares the partitions; the first stalls (SIGSTOP) past its session timeout, the group
     * gives its partitions to the second, then the first wakes up with a batch it read before: it must not
     * write that older state over the newer one. Converging counts from the moment the group moved the
     * partitions, which the session timeout (10 s) bounds.
     */
    FaultFigures stalledTargetingResumesAfterItsSessionExpired() {
        FaultFigures figures = new FaultFigures("targeting stalled past its session, then resumed");
        ServiceProcess second = stack.secondTargeting();
        // One app on each partition, so that the stalled instance held some of them.
        List<ChaosApp> apps = onEveryPartition("stalled").stream().map(key -> new ChaosApp(stack, "stalled", key))
                .toList();
        try {
            awaitPartitions(second, 1);
            apps.forEach(ChaosApp::release);
            long stalled = System.nanoTime();
            stack.targeting.pause();
            apps.forEach(ChaosApp::release);
            awaitPartitions(second, 6);
            long ended = System.nanoTime();
            figures.notes.add(String.format("the group moved the stalled instance's partitions after %.1f s",
                    (ended - stalled) / 1e9));
            stack.targeting.resume();
            apps.forEach(ChaosApp::release);
            for (ChaosApp app : apps) {
                app.settle(figures, ended, SETTLE);
            }
        } finally {
            apps.forEach(ChaosApp::close);
            stack.targeting.resume();
            second.stop();
            awaitPartitions(stack.targeting, 6);
        }
        return figures;
    }

    /** App keys that the topic's partitioner puts on each of its six partitions, one each. */
    private static List<String> onEveryPartition(String name) {
        Map<Integer, String> keys = new TreeMap<>();
        while (keys.size() < PARTITIONS) {
            String key = name + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            keys.putIfAbsent(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS, key);
        }
        return List.copyOf(keys.values());
    }

    FaultFigures redisRestartedEmpty() {
        FaultFigures figures = new FaultFigures("Redis killed and restarted empty (as flushed)");
        try (ChaosApp app = new ChaosApp(stack, "redis")) {
            releases(app, 3);
            app.settle(new FaultFigures("warm-up"), System.nanoTime(), SETTLE);
        }
        try (ChaosApp app = new ChaosApp(stack, "redis")) {
            releases(app, 3);
            stack.redis.stop();
            releases(app, 3);
            ChaosApp.pause(2_000);
            stack.redis.start();
            long ended = System.nanoTime();
            releases(app, 2);
            app.settle(figures, ended, SETTLE);
            figures.notes.add("targeting rebuilt Redis by itself");
        }
        return figures;
    }

    FaultFigures postgresConnectionsCut() {
        FaultFigures figures = new FaultFigures("PostgreSQL connections of both services cut");
        try (ChaosApp app = new ChaosApp(stack, "pgcut")) {
            releases(app, 3);
            int cut = terminateConnections();
            long ended = System.nanoTime();
            releases(app, 5);
            app.settle(figures, ended, SETTLE);
            figures.notes.add(cut + " connections cut");
        }
        return figures;
    }

    FaultFigures rebuildUnderTraffic() {
        FaultFigures figures = new FaultFigures("Redis rebuilt from the topic while clients ask");
        try (ChaosApp app = new ChaosApp(stack, "rebuild")) {
            releases(app, 5);
            given().baseUri(stack.targeting.url()).header("Authorization", "Bearer " + TestTokens.admin("chaos"))
                    .post("/admin/rebuild").then().statusCode(200);
            long ended = System.nanoTime();
            releases(app, 2);
            app.settle(figures, ended, SETTLE);
        }
        return figures;
    }

    private static void releases(ChaosApp app, int count) {
        for (int i = 0; i < count; i++) {
            app.release();
        }
    }

    private int terminateConnections() {
        String url = "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE datname IN ('" + ChaosStack.PACKAGE_DB + "', '" + ChaosStack.RELEASE_DB + "')");
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not cut the services' connections", e);
        }
    }

    /** Until the instance's readiness reports at least so many assigned partitions. */
    private static void awaitPartitions(ServiceProcess targeting, int atLeast) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    Integer assigned = given().baseUri(targeting.url()).get("/q/health/ready").then().extract()
                            .path("checks.find { it.name == 'Release events from Kafka' }.data.assignedPartitions");
                    return assigned != null && assigned >= atLeast;
                });
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
