package dev.rollgate.system;

import dev.rollgate.testing.ServiceProcess;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the services as the start command does, against the broker, Redis and PostgreSQL that the test
 * command provides (its environment), each service on a free port.
 */
final class Stack {

    private Stack() {
    }

    static Path root() {
        return Path.of(System.getProperty("rollgate.root", "..")).toAbsolutePath().normalize();
    }

    static String kafka() {
        return System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    static String redis() {
        return System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
    }

    private static Map<String, String> common() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka());
        env.put("REDIS_URL", redis());
        for (String name : new String[] {"DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "JWT_PUBLIC_KEY_LOCATION",
                "JWT_ISSUER"}) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return env;
    }

    /** @param groupId a consumer group of the test's own, so that it replays the topic from the start */
    static ServiceProcess targeting(String instance, String groupId) {
        Map<String, String> env = common();
        env.put("TARGETING_GROUP_ID", groupId);
        return ServiceProcess.start(root(), "targeting-service", instance, env);
    }

    static ServiceProcess gateway(String instance, Map<String, String> extra) {
        Map<String, String> env = common();
        env.putAll(extra);
        return ServiceProcess.start(root(), "gateway", instance, env);
    }
}
