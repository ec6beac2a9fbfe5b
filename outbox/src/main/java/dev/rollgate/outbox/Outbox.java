package dev.rollgate.outbox;

import dev.rollgate.contracts.event.EventEnvelope;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * Messages waiting for the relay, written in the caller's transaction. {@link EventStore#append} queues
 * its events itself; a service that keeps state without an event store (package-service's
 * {@code AppRegistered}) queues its envelopes here.
 *
 * <p>The relay publishes rows to Kafka keyed by appKey, in commit order, with acks=all and an idempotent
 * producer, and marks them sent only after the broker acknowledged them. A {@code LISTEN/NOTIFY} at commit
 * wakes it; a slow poll covers a missed notification. It reads only rows whose transaction id is below the
 * oldest transaction still running, so a row that commits after a later one is never skipped. One
 * instance of a service relays at a time (a PostgreSQL advisory lock); another takes over when it dies.
 */
public interface Outbox {

    Uni<Void> enqueue(Mutiny.Session session, List<EventEnvelope> envelopes);
}
