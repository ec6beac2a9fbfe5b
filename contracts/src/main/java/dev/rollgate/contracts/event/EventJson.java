package dev.rollgate.contracts.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.contracts.json.ContractsJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Builds, writes and reads {@link EventEnvelope}s. */
public final class EventJson {

    private static final ObjectMapper MAPPER = ContractsJson.mapper();

    private EventJson() {
    }

    public static EventEnvelope envelope(UUID eventId, String appKey, String streamId, long streamVersion,
                                         Instant occurredAt, String actor, EventData data) {
        return new EventEnvelope(eventId, EventType.of(data).wireName(), EventType.SCHEMA_VERSION, appKey,
                streamId, streamVersion, occurredAt, actor, MAPPER.valueToTree(data));
    }

    public static String write(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event envelope could not be written as JSON", e);
        }
    }

    public static JsonNode tree(EventData data) {
        return MAPPER.valueToTree(data);
    }

    public static EventEnvelope read(byte[] json) throws UnreadableEventException {
        if (json == null) {
            throw new UnreadableEventException("empty message");
        }
        try {
            return checked(MAPPER.readValue(json, EventEnvelope.class));
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            throw new UnreadableEventException("not an event envelope: " + reason, e);
        }
    }

    public static EventEnvelope read(String json) throws UnreadableEventException {
        return read(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    private static EventEnvelope checked(EventEnvelope envelope) throws UnreadableEventException {
        if (envelope == null || envelope.type() == null || envelope.appKey() == null || envelope.streamId() == null
                || envelope.data() == null || envelope.data().isNull()) {
            throw new UnreadableEventException("event envelope lacks type, appKey, streamId or data");
        }
        if (envelope.streamVersion() < 1) {
            throw new UnreadableEventException("event envelope has streamVersion " + envelope.streamVersion()
                    + "; streams count from 1");
        }
        return envelope;
    }

    /** The typed payload of an envelope read with {@link #read}. */
    public static EventData data(EventEnvelope envelope) throws UnreadableEventException {
        if (envelope.schemaVersion() > EventType.SCHEMA_VERSION) {
            throw new UnreadableEventException("schemaVersion " + envelope.schemaVersion() + " of " + envelope.type()
                    + " is newer than " + EventType.SCHEMA_VERSION + ", the newest this reader knows");
        }
        EventType type = EventType.named(envelope.type())
                .orElseThrow(() -> new UnreadableEventException("unknown event type '" + envelope.type() + "'"));
        if (!envelope.data().isObject()) {
            throw new UnreadableEventException("data of " + envelope.type() + " is not an object");
        }
        try {
            return MAPPER.treeToValue(envelope.data(), type.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // A record's constructor names the field it misses (EventFields); Jackson wraps it.
            String reason = e.getCause() instanceof IllegalArgumentException missing ? missing.getMessage()
                    : e.getMessage();
            throw new UnreadableEventException("data of " + envelope.type() + " does not fit its schema: "
                    + reason, e);
        }
    }
}
