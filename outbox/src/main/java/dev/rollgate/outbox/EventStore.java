package dev.rollgate.outbox;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * The append-only event store: {@code (global_position, stream_id, stream_version, event_type, payload,
 * metadata, recorded_at)} with {@code UNIQUE (stream_id, stream_version)}. Events are never updated or
 * deleted. Every method works inside the caller's session and transaction, so that a command's events,
 * their outbox rows and the caller's projection rows commit together or not at all.
 */
public interface EventStore {

    /** The events of one stream, oldest first; empty when the stream does not exist. */
    Uni<List<RecordedEvent>> load(Mutiny.Session session, String streamId);

    /**
     * Appends events to a stream whose current version must be {@code expectedVersion} (0 for a new
     * stream), numbering them from {@code expectedVersion + 1}, and queues one outbox row per event.
     *
     * @return the appended events as stored
     * @throws StaleStreamException (as the Uni's failure) when the stream has another version, also when a
     *                              concurrent writer commits first
     */
    Uni<List<RecordedEvent>> append(Mutiny.Session session, String streamId, long expectedVersion,
                                    List<PendingEvent> events);

    /** Up to {@code limit} events of every stream after {@code afterPosition}, in global order: for rebuilding projections. */
    Uni<List<RecordedEvent>> readAll(Mutiny.Session session, long afterPosition, int limit);
}
