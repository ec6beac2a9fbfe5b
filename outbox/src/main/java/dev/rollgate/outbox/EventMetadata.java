package dev.rollgate.outbox;

import java.time.Instant;
import java.util.UUID;

/** What the event table's {@code metadata} column holds: the envelope's fields that are not the payload. */
record EventMetadata(UUID eventId, String appKey, String actor, Instant occurredAt, int schemaVersion) {
}
