package dev.rollgate.outbox.relay;

import java.time.Instant;

/** An outbox row waiting to be published. */
record PendingMessage(long id, String topic, String key, String value, Instant createdAt) {
}
