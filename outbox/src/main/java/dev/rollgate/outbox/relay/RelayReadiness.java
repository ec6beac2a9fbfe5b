package dev.rollgate.outbox.relay;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The relay's state in readiness: always UP, because commands succeed without Kafka (their events wait in the
 * outbox, in order) and a service taken out of its load balancer would refuse them instead. What an operator
 * must see, that nothing reaches clients meanwhile, is in the check's data here and DOWN in the {@code broker}
 * health group ({@link RelayBrokerHealth}, {@code /q/health/group/broker}).
 */
@Readiness
@ApplicationScoped
public class RelayReadiness implements HealthCheck {

    private final RelayLifecycle lifecycle;

    RelayReadiness(RelayLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay to Kafka");
        OutboxRelay relay = lifecycle.relay();
        if (relay == null) {
            return response.up().withData("relay", "disabled").build();
        }
        String problem = lifecycle.probe().problem();
        response.withData("role", relay.role().name());
        if (relay.lastKafkaError() != null) {
            response.withData("lastPublishError", relay.lastKafkaError());
        }
        // Set-aside rows do not make the service unready (the rows behind them flow), but an operator must
        // see them: each is an event no consumer received.
        response.withData("deadLetters", relay.deadLetters());
        if (relay.lastDeadLetter() != null) {
            response.withData("lastDeadLetter", relay.lastDeadLetter());
        }
        if (problem != null) {
            return response.up().withData("kafka", "unreachable: " + problem + "; commands wait in the outbox")
                    .build();
        }
        return response.up().withData("kafka", "reachable").build();
    }
}
