package dev.rollgate.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.json.ContractsJson;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The event store on PostgreSQL, through native SQL in the caller's Hibernate Reactive session. */
@ApplicationScoped
public class SqlEventStore implements EventStore {

    private static final ObjectMapper JSON = ContractsJson.mapper();
    private static final String COLUMNS = "global_position, stream_id, stream_version, event_type, "
            + "CAST(payload AS text), CAST(metadata AS text), recorded_at";

    private final OutboxConfig config;
    private final Clock clock = Clock.systemUTC();

    SqlEventStore(OutboxConfig config) {
        this.config = config;
    }

    @Override
    public Uni<List<RecordedEvent>> load(Mutiny.Session session, String streamId) {
        return session.createNativeQuery("SELECT " + COLUMNS + " FROM event_store WHERE stream_id = :stream "
                        + "ORDER BY stream_version", Object[].class)
                .setParameter("stream", streamId)
                .getResultList()
                .map(SqlEventStore::recorded);
    }

    @Override
    public Uni<List<RecordedEvent>> readAll(Mutiny.Session session, long afterPosition, int limit) {
        return session.createNativeQuery("SELECT " + COLUMNS + " FROM event_store WHERE global_position > :after "
                        + "ORDER BY global_position LIMIT :limit", Object[].class)
                .setParameter("after", afterPosition)
                .setParameter("limit", limit)
                .getResultList()
                .map(SqlEventStore::recorded);
    }

    @Override
    public Uni<List<RecordedEvent>> append(Mutiny.Session session, String streamId, long expectedVersion,
                                           List<PendingEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            PendingEvent event = events.get(i);
            envelopes.add(EventJson.envelope(UUID.randomUUID(), event.appKey(), streamId, expectedVersion + 1 + i, now,
                    event.actor(), event.data()));
        }
        return currentVersion(session, streamId)
                .chain(current -> current == expectedVersion
                        ? insertEvents(session, envelopes)
                        : Uni.createFrom().failure(new StaleStreamException(streamId, expectedVersion)))
                .call(() -> OutboxRows.insert(session, config, envelopes))
                .onFailure(UniqueViolation::isCause)
                .transform(e -> new StaleStreamException(streamId, expectedVersion));
    }

    private static Uni<Long> currentVersion(Mutiny.Session session, String streamId) {
        return session.createNativeQuery("SELECT COALESCE(MAX(stream_version), 0) FROM event_store "
                        + "WHERE stream_id = :stream", Long.class)
                .setParameter("stream", streamId)
                .getSingleResult();
    }

    private static Uni<List<RecordedEvent>> insertEvents(Mutiny.Session session, List<EventEnvelope> envelopes) {
        StringBuilder sql = new StringBuilder("INSERT INTO event_store "
                + "(stream_id, stream_version, event_type, payload, metadata) VALUES ");
        for (int i = 0; i < envelopes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:stream, :version").append(i).append(", :type").append(i)
                    // Bound as text: the Vert.x client would encode a String for a jsonb parameter as a JSON string.
                    .append(", CAST(CAST(:payload").append(i).append(" AS text) AS jsonb), CAST(CAST(:metadata")
                    .append(i).append(" AS text) AS jsonb))");
        }
        sql.append(" RETURNING ").append(COLUMNS);
        Mutiny.SelectionQuery<Object[]> insert = session.createNativeQuery(sql.toString(), Object[].class);
        insert.setParameter("stream", envelopes.getFirst().streamId());
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            insert.setParameter("version" + i, envelope.streamVersion());
            insert.setParameter("type" + i, envelope.type());
            insert.setParameter("payload" + i, envelope.data().toString());
            insert.setParameter("metadata" + i, json(new EventMetadata(envelope.eventId(), envelope.appKey(),
                    envelope.actor(), envelope.occurredAt(), envelope.schemaVersion())));
        }
        return insert.getResultList().map(SqlEventStore::recorded);
    }

    private static List<RecordedEvent> recorded(List<Object[]> rows) {
        return rows.stream().map(SqlEventStore::recorded)
                .sorted(Comparator.comparingLong(RecordedEvent::globalPosition))
                .toList();
    }

    private static RecordedEvent recorded(Object[] row) {
        try {
            EventMetadata metadata = JSON.readValue((String) row[5], EventMetadata.class);
            EventEnvelope envelope = new EventEnvelope(metadata.eventId(), (String) row[3], metadata.schemaVersion(),
                    metadata.appKey(), (String) row[1], ((Number) row[2]).longValue(), metadata.occurredAt(),
                    metadata.actor(), JSON.readTree((String) row[4]));
            return new RecordedEvent(((Number) row[0]).longValue(), envelope, SqlTimes.instant(row[6]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event is not readable JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event metadata could not be written as JSON", e);
        }
    }
}
