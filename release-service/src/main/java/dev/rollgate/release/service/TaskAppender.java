package dev.rollgate.release.service;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.outbox.EventStore;
import dev.rollgate.outbox.PendingEvent;
import dev.rollgate.release.persistence.Projector;
import dev.rollgate.release.persistence.ReleaseTaskView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Appends a task's new events, updates the views from them, and reads the task back: one transaction. */
@ApplicationScoped
public class TaskAppender {

    private final EventStore store;
    private final Projector projector;

    TaskAppender(EventStore store, Projector projector) {
        this.store = store;
        this.projector = projector;
    }

    Uni<ReleaseTaskView> append(Mutiny.Session session, String appKey, String taskId, String streamId,
                                long expectedVersion, EventData event, String actor) {
        return store.append(session, streamId, expectedVersion, List.of(new PendingEvent(appKey, actor, event)))
                .call(recorded -> projector.apply(session, recorded))
                .chain(() -> session.find(ReleaseTaskView.class, taskId));
    }
}
