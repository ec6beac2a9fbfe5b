package dev.rollgate.packages.messaging;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.packages.domain.VersionStateChange;
import dev.rollgate.packages.service.VersionStateService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Follows {@code rollgate.release-events}: each release-task event moves its version's state. A message
 * that is no readable event is nacked, which the channel's dead-letter strategy sends to the DLQ topic;
 * a failure to store is retried until the database answers, so no state move is ever dropped.
 */
@ApplicationScoped
public class ReleaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(ReleaseEventConsumer.class);

    private final VersionStateService states;

    ReleaseEventConsumer(VersionStateService states) {
        this.states = states;
    }

    @Incoming("release-events")
    public Uni<Void> consume(Message<String> message) {
        EventEnvelope envelope;
        EventData data;
        try {
            envelope = EventJson.read(message.getPayload());
            data = EventJson.data(envelope);
        } catch (UnreadableEventException e) {
            LOG.warnf("unreadable message sent to the dead-letter topic: %s", e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        Optional<VersionStateChange> change = VersionStateChange.of(data);
        if (change.isEmpty()) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return states.apply(envelope, change.get())
                .onFailure().invoke(e -> LOG.warnf("could not apply %s v%d of %s, retrying: %s", envelope.type(),
                        envelope.streamVersion(), envelope.streamId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
