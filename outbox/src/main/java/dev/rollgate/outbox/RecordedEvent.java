package dev.rollgate.outbox;

import dev.rollgate.contracts.event.EventEnvelope;

import java.time.Instant;

/** An event as the store holds it: its envelope, its place in the global order and when it was stored. */
public record RecordedEvent(long globalPosition, EventEnvelope envelope, Instant recordedAt) {
}
