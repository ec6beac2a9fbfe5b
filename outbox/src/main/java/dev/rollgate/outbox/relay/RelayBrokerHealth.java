package dev.rollgate.outbox.relay;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * DOWN while this instance relays the outbox and Kafka cannot be reached: events wait and reach no client.
 * In the {@code broker} group ({@code /q/health/group/broker}), for monitoring and alerts, not in readiness:
 * the service keeps taking commands meanwhile.
 */
@HealthGroup("broker")
@ApplicationScoped
public class RelayBrokerHealth implements HealthCheck {

    private final RelayLifecycle lifecycle;

    RelayBrokerHealth(RelayLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay to Kafka");
        if (lifecycle.relay() == null) {
            return response.up().withData("relay", "disabled").build();
        }
        String problem = lifecycle.probe().problem();
        return problem == null ? response.up().withData("kafka", "reachable").build()
                : response.down().withData("kafka", "unreachable: " + problem).build();
    }
}
