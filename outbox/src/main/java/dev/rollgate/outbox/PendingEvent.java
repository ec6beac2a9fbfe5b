package dev.rollgate.outbox;

import dev.rollgate.contracts.event.EventData;

/** An event a command decided, not yet appended: its payload, its app (the Kafka key) and who caused it. */
public record PendingEvent(String appKey, String actor, EventData data) {
}
