package dev.rollgate.packages.messaging;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.packages.domain.VersionStateChange;
import dev.rollgate.packages.service.VersionStateService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Follows {@code rollgate.release-events}: each release-task event moves its version's state. A message that
 * is no readable event, or an event that cannot be applied while PostgreSQL answers, is nacked, which the
 * channel's dead-letter strategy sends to the DLQ topic with the reason; the events behind it go on. While
 * PostgreSQL does not answer, the event is retried until it does, so no state move is dropped for an outage.
 */
@ApplicationScoped
public class ReleaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(ReleaseEventConsumer.class);
    /** How often an event is tried with PostgreSQL answering before it is taken for a poison event. */
    private static final int POISON_ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final VersionStateService states;
    private final Pool database;

    ReleaseEventConsumer(VersionStateService states, Pool database) {
        this.states = states;
        this.database = database;
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
        return applied(envelope, change.get(), 1, FIRST_BACKOFF)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf("%s v%d of %s cannot be applied and goes to the dead-letter topic: %s",
                            envelope.type(), envelope.streamVersion(), envelope.streamId(), e.getMessage());
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    /** Fails only when the event failed {@link #POISON_ATTEMPTS} times with PostgreSQL answering. */
    private Uni<Void> applied(EventEnvelope envelope, VersionStateChange change, int attempt, Duration backoff) {
        return Uni.createFrom().deferred(() -> states.apply(envelope, change)).replaceWithVoid()
                .onFailure().recoverWithUni(e -> databaseAnswers().chain(answers -> {
                    if (answers && attempt >= POISON_ATTEMPTS) {
                        return Uni.createFrom().failure(e);
                    }
                    LOG.warnf("could not apply %s v%d of %s (%s), retrying in %d ms: %s", envelope.type(),
                            envelope.streamVersion(), envelope.streamId(),
                            answers ? "PostgreSQL answers" : "PostgreSQL does not answer", backoff.toMillis(),
                            e.getMessage());
                    Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                            : backoff.multipliedBy(2);
                    return Uni.createFrom().voidItem().onItem().delayIt().by(backoff)
                            .chain(() -> applied(envelope, change, answers ? attempt + 1 : attempt, next));
                }));
    }

    /** Tells a failing event from a database that is away: only the first may become a dead letter. */
    private Uni<Boolean> databaseAnswers() {
        return database.query("SELECT 1").execute()
                .map(rows -> true)
                .onFailure().recoverWithItem(false);
    }
}
