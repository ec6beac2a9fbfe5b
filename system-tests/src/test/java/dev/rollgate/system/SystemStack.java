package dev.rollgate.system;

import dev.rollgate.contracts.event.Topics;
import dev.rollgate.testing.KafkaBrokerProcess;
import dev.rollgate.testing.ServiceProcess;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system as an operator runs it: a broker of its own (so that a test may stop it), the four
 * service jars as processes, and two gateways (A without its periodic revision check, B with it), against the test command's PostgreSQL and Redis. Started
 * once for every system test class; every process is stopped by PID when the test JVM exits, also when a
 * test fails.
 */
final class SystemStack {

    private static SystemStack running;

    final KafkaBrokerProcess broker;
    final ServiceProcess packageService;
    final ServiceProcess releaseService;
    final ServiceProcess targeting;
    final ServiceProcess gatewayA;
    final ServiceProcess gatewayB;

    private SystemStack() {
        broker = brokerWithTopics();
        Map<String, String> packageEnv = common();
        packageEnv.put("DB_NAME", "rollgate_package_system");
        packageService = ServiceProcess.start(root(), "package-service", "package-service", packageEnv);
        Map<String, String> releaseEnv = common();
        releaseEnv.put("DB_NAME", "rollgate_release_system");
        releaseEnv.put("PACKAGE_SERVICE_URL", packageService.url());
        releaseEnv.put("STREAMS_STATE_DIR", SystemStack.freshDirectory("release-health-state"));
        releaseService = ServiceProcess.start(root(), "release-service", "release-service", releaseEnv);
        Map<String, String> targetingEnv = common();
        targetingEnv.put("TARGETING_GROUP_ID", "targeting-system-" + UUID.randomUUID());
        targeting = ServiceProcess.start(root(), "targeting-service", "targeting-service", targetingEnv);
        Map<String, String> gatewayEnv = common();
        gatewayEnv.put("PACKAGE_SERVICE_URL", packageService.url());
        gatewayEnv.put("RELEASE_SERVICE_URL", releaseService.url());
        gatewayEnv.put("UPSTREAM_TIMEOUT", "5s");
        // Gateway A hears of changes by pub/sub alone (its revision check is too slow to hide a lost message):
        // what reaches its clients within a second proves the subscription. Gateway B keeps the default check.
        Map<String, String> pubSubOnly = new HashMap<>(gatewayEnv);
        pubSubOnly.put("REVISION_CHECK", "1h");
        gatewayA = ServiceProcess.start(root(), "gateway", "gateway-a", pubSubOnly);
        gatewayB = ServiceProcess.start(root(), "gateway", "gateway-b", gatewayEnv);
    }

    static synchronized SystemStack get() {
        if (running == null) {
            running = new SystemStack();
        }
        return running;
    }

    String kafka() {
        return broker.bootstrapServers();
    }

    /** A broker of its own, with the topics the services expect made as a deployment makes them. */
    static KafkaBrokerProcess brokerWithTopics() {
        KafkaBrokerProcess broker = KafkaBrokerProcess.startNew();
        try {
            broker.createTopic(Topics.RELEASE_EVENTS, 6);
            broker.createTopic(Topics.RELEASE_EVENTS_DLQ, 1);
            broker.createTopic(Topics.CLIENT_REPORTS, 6);
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    static String redis() {
        return System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
    }

    /** A directory of this run's own, for state a service keeps on disk (Kafka Streams' stores). */
    static String freshDirectory(String name) {
        try {
            return java.nio.file.Files.createTempDirectory("rollgate-" + name).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path root() {
        return Path.of(System.getProperty("rollgate.root", "..")).toAbsolutePath().normalize();
    }

    private Map<String, String> common() {
        return environment(kafka(), redis());
    }

    /**
     * What every service process of a test stack is given: its broker and Redis, and the test command's
     * database, S3 server and token settings.
     */
    static Map<String, String> environment(String kafka, String redis) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("REDIS_URL", redis);
        // The test command's S3 server, with a bucket for the system tests (package-service stores uploads there).
        String s3 = System.getenv("S3_ENDPOINT");
        if (s3 != null) {
            env.put("S3_ENDPOINT", s3);
            env.put("S3_BUCKET", "rollgate-packages-system");
        }
        for (String name : new String[] {"DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "JWT_PUBLIC_KEY_LOCATION",
                "JWT_ISSUER"}) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }
}
