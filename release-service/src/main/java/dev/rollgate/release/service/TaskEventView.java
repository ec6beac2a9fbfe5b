package dev.rollgate.release.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollgate.outbox.RecordedEvent;

import java.time.Instant;

/** One entry of a task's audit trail. */
public record TaskEventView(String type, long streamVersion, Instant occurredAt, String actor, JsonNode data) {

    static TaskEventView of(RecordedEvent event) {
        var envelope = event.envelope();
        return new TaskEventView(envelope.type(), envelope.streamVersion(), envelope.occurredAt(), envelope.actor(),
                envelope.data());
    }
}
