package dev.rollgate.system;

import dev.rollgate.testing.KafkaBrokerProcess;
import dev.rollgate.testing.RedisProcess;
import dev.rollgate.testing.ServiceProcess;

import java.util.Map;
import java.util.UUID;

/**
 * The system as {@link SystemStack} runs it, for the fault suite, with everything a fault may break of its
 * own: a broker, a Redis and databases that no other test uses, a second targeting-service instance on
 * demand, and the two gateways. Every process is stopped by PID when the JVM exits.
 */
final class ChaosStack {

    static final String PACKAGE_DB = "rollgate_package_chaos";
    static final String RELEASE_DB = "rollgate_release_chaos";

    final KafkaBrokerProcess broker;
    final RedisProcess redis;
    final ServiceProcess packageService;
    final ServiceProcess releaseService;
    final ServiceProcess targeting;
    final ServiceProcess gatewayA;
    final ServiceProcess gatewayB;
    private final Map<String, String> targetingEnv;

    ChaosStack() {
        broker = SystemStack.brokerWithTopics();
        redis = RedisProcess.startNew(SystemStack.root().resolve("system-tests/target/service-logs"));
        Map<String, String> packageEnv = common();
        packageEnv.put("DB_NAME", PACKAGE_DB);
        packageService = ServiceProcess.start(SystemStack.root(), "package-service", "chaos-package-service", packageEnv);
        Map<String, String> releaseEnv = common();
        releaseEnv.put("DB_NAME", RELEASE_DB);
        releaseEnv.put("PACKAGE_SERVICE_URL", packageService.url());
        releaseEnv.put("STREAMS_STATE_DIR", SystemStack.freshDirectory("release-health-state"));
        releaseService = ServiceProcess.start(SystemStack.root(), "release-service", "chaos-release-service", releaseEnv);
        targetingEnv = common();
        targetingEnv.put("TARGETING_GROUP_ID", "targeting-chaos-" + UUID.randomUUID());
        targeting = ServiceProcess.start(SystemStack.root(), "targeting-service", "chaos-targeting-a", targetingEnv);
        Map<String, String> gatewayEnv = common();
        gatewayEnv.put("PACKAGE_SERVICE_URL", packageService.url());
        gatewayEnv.put("RELEASE_SERVICE_URL", releaseService.url());
        gatewayEnv.put("UPSTREAM_TIMEOUT", "5s");
        // As deploy/local/up runs it, a fixed heap, here touched in full at start: its resident memory then grows
        // only if something outside the heap does, which is what the flood fault watches.
        gatewayEnv.put("JAVA_OPTS", "-Xms512m -Xmx512m -Xmn160m -XX:MaxTenuringThreshold=2 -XX:+AlwaysPreTouch");
        gatewayA = ServiceProcess.start(SystemStack.root(), "gateway", "chaos-gateway-a", gatewayEnv);
        gatewayB = ServiceProcess.start(SystemStack.root(), "gateway", "chaos-gateway-b", gatewayEnv);
    }

    /** Another targeting-service instance in the same consumer group, sharing the partitions. */
    ServiceProcess secondTargeting() {
        return ServiceProcess.start(SystemStack.root(), "targeting-service", "chaos-targeting-b", targetingEnv);
    }

    String kafka() {
        return broker.bootstrapServers();
    }

    private Map<String, String> common() {
        return SystemStack.environment(kafka(), redis.url());
    }
}
