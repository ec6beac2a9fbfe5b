package dev.rollgate.packages.messaging;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.packages.domain.VersionStateChange;
import dev.rollgate.packages.service.VersionStateService;
import dev.rollgate.packages.service.VersionStateService.StateEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows {@code rollgate.release-events}: each release-task event moves its version's state. Records come in
 * batches (what one poll brought), applied in one transaction, so that a burst of thousands of events costs a
 * few commits rather than one each. A record that is no readable event goes to the dead-letter topic with the
 * reason; when a batch cannot be applied while PostgreSQL answers, its events are applied one by one, and an
 * event that fails alone goes there too: the events around it go on. While PostgreSQL does not answer, the
 * batch is retried until it does, so no state move is dropped for an outage.
 */
@ApplicationScoped
public class ReleaseEventConsumer {

    private static final Logger LOG = Logger.getLogger(ReleaseEventConsumer.class);
    /** How often an event is tried alone with PostgreSQL answering before it is taken for a poison event. */
    private static final int POISON_ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final VersionStateService states;
    private final Pool database;
    private final DeadLetters deadLetters;
    private final Counter transactions;
    private final Counter applied;

    ReleaseEventConsumer(VersionStateService states, Pool database, DeadLetters deadLetters, MeterRegistry registry) {
        this.states = states;
        this.database = database;
        this.deadLetters = deadLetters;
        this.transactions = Counter.builder("rollgate.release.events.transactions")
                .description("transactions that applied release events (a batch, or one event after a failed batch)")
                .register(registry);
        this.applied = Counter.builder("rollgate.release.events.applied")
                .description("release events that moved a version's state").register(registry);
    }

    /** An event that moves a state, with the record it came in (which the dead-letter topic would carry). */
    private record Received(KafkaRecord<String, String> record, StateEvent event) {
    }

    @Incoming("release-events")
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Received> events = new ArrayList<>();
        Uni<Void> letters = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : batch) {
            try {
                EventEnvelope envelope = EventJson.read(record.getPayload());
                EventData data = EventJson.data(envelope);
                Optional<VersionStateChange> change = VersionStateChange.of(data);
                change.ifPresent(moves -> events.add(new Received(record, new StateEvent(envelope, moves))));
            } catch (UnreadableEventException e) {
                LOG.warnf("unreadable message sent to the dead-letter topic: %s", e.getMessage());
                letters = letters.chain(() -> deadLetters.send(record, e));
            }
        }
        Uni<Void> work = letters;
        if (!events.isEmpty()) {
            work = work.chain(() -> together(events, FIRST_BACKOFF));
        }
        return work.chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** The whole batch in one transaction; when that fails with PostgreSQL answering, each event alone. */
    private Uni<Void> together(List<Received> events, Duration backoff) {
        return Uni.createFrom().deferred(() -> states.applyAll(events.stream().map(Received::event).toList()))
                .invoke(moved -> {
                    transactions.increment();
                    applied.increment(moved);
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> databaseAnswers().chain(answers -> {
                    if (answers) {
                        if (events.size() > 1) {
                            LOG.warnf("a batch of %d release events failed (%s): applying them one by one",
                                    events.size(), e.getMessage());
                        }
                        return oneByOne(events);
                    }
                    LOG.warnf("PostgreSQL does not answer; retrying %d release events in %d ms: %s", events.size(),
                            backoff.toMillis(), e.getMessage());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(backoff)
                            .chain(() -> together(events, longer(backoff)));
                }));
    }

    private Uni<Void> oneByOne(List<Received> events) {
        Uni<Void> each = Uni.createFrom().voidItem();
        for (Received received : events) {
            each = each.chain(() -> alone(received.event(), 1, FIRST_BACKOFF)
                    .onFailure().recoverWithUni(e -> {
                        EventEnvelope envelope = received.event().envelope();
                        LOG.warnf("%s v%d of %s cannot be applied and goes to the dead-letter topic: %s",
                                envelope.type(), envelope.streamVersion(), envelope.streamId(), e.getMessage());
                        return deadLetters.send(received.record(), e);
                    }));
        }
        return each;
    }

    /** Fails only when the event failed {@link #POISON_ATTEMPTS} times with PostgreSQL answering. */
    private Uni<Void> alone(StateEvent event, int attempt, Duration backoff) {
        EventEnvelope envelope = event.envelope();
        return Uni.createFrom().deferred(() -> states.applyAll(List.of(event)))
                .invoke(moved -> {
                    transactions.increment();
                    applied.increment(moved);
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> databaseAnswers().chain(answers -> {
                    if (answers && attempt >= POISON_ATTEMPTS) {
                        return Uni.createFrom().failure(e);
                    }
                    LOG.warnf("could not apply %s v%d of %s (%s), retrying in %d ms: %s", envelope.type(),
                            envelope.streamVersion(), envelope.streamId(),
                            answers ? "PostgreSQL answers" : "PostgreSQL does not answer", backoff.toMillis(),
                            e.getMessage());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(backoff)
                            .chain(() -> alone(event, answers ? attempt + 1 : attempt, longer(backoff)));
                }));
    }

    private static Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /** Tells a failing event from a database that is away: only the first may become a dead letter. */
    private Uni<Boolean> databaseAnswers() {
        return database.query("SELECT 1").execute()
                .map(rows -> true)
                .onFailure().recoverWithItem(false);
    }
}
