package dev.rollgate.targeting.messaging;

import dev.rollgate.targeting.config.TargetingConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready when the broker answers and the consumer runs. A consumer's poll does not fail while the broker is
 * down, so the broker is asked directly. Redis has its own check from the Redis client extension.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final EventConsumerLoop loop;
    private final Admin admin;

    KafkaReadiness(EventConsumerLoop loop, TargetingConfig config) {
        this.loop = loop;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "targeting-service-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Release events from Kafka")
                .withData("assignedPartitions", loop.assignedPartitions())
                .withData("lag", loop.lag());
        if (loop.lastFailure() != null) {
            response.withData("lastFailure", loop.lastFailure());
        }
        try {
            admin.describeCluster().clusterId().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("broker", "interrupted").build();
        } catch (Exception e) {
            String reason = e.getCause() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
            return response.down().withData("broker", reason).build();
        }
        return response.status(loop.isRunning()).build();
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
