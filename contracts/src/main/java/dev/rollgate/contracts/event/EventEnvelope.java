package dev.rollgate.contracts.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as it travels on {@link Topics#RELEASE_EVENTS}: the value of a Kafka message.
 * {@code data} stays a JSON tree here so that a reader can route, skip or dead-letter an event it does
 * not know; {@link EventJson#data(EventEnvelope)} turns it into its record.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        String appKey,
        String streamId,
        long streamVersion,
        Instant occurredAt,
        String actor,
        JsonNode data) {
}
