package dev.rollgate.release.service;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.outbox.EventStore;
import dev.rollgate.outbox.PendingEvent;
import dev.rollgate.release.persistence.Projector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * The one write of every release-service command, after the domain decided its events: the events and
 * their outbox rows at the version the state was loaded at, then the views from the same typed events, in
 * the caller's transaction. A writer that lost a race gets the store's 409, never a lost update.
 */
@ApplicationScoped
public class StreamAppender {

    private final EventStore store;
    private final Projector projector;

    StreamAppender(EventStore store, Projector projector) {
        this.store = store;
        this.projector = projector;
    }

    public Uni<Void> append(Mutiny.Session session, String appKey, String streamId, long expectedVersion,
                            List<? extends EventData> events, String actor) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<PendingEvent> pending = events.stream().map(event -> new PendingEvent(appKey, actor, event)).toList();
        return store.append(session, streamId, expectedVersion, pending)
                .chain(recorded -> projector.apply(session, recorded, events));
    }
}
