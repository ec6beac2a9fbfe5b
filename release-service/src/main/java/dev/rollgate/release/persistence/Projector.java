package dev.rollgate.release.persistence;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskEvent;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.TaskState;
import dev.rollgate.outbox.RecordedEvent;
import dev.rollgate.release.domain.ReleaseTask;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * The one writer of the views: every event, whether just appended by a command or replayed by a rebuild,
 * changes them the same way, so a rebuild gives the same rows. Times and actors come from the events.
 */
@ApplicationScoped
public class Projector {

    /** Replays stored events (a rebuild): each is read from its JSON. */
    public Uni<Void> apply(Mutiny.Session session, List<RecordedEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (RecordedEvent event : events) {
            chain = chain.chain(() -> apply(session, event.envelope(), read(event.envelope())));
        }
        return chain;
    }

    /** Events a command just appended, with the typed events it decided: nothing is read back from JSON. */
    public Uni<Void> apply(Mutiny.Session session, List<RecordedEvent> recorded, List<? extends EventData> decided) {
        if (recorded.size() != decided.size()) {
            throw new IllegalArgumentException(recorded.size() + " events recorded for " + decided.size() + " decided");
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < recorded.size(); i++) {
            EventEnvelope envelope = recorded.get(i).envelope();
            EventData data = decided.get(i);
            chain = chain.chain(() -> apply(session, envelope, data));
        }
        return chain;
    }

    private static EventData read(EventEnvelope envelope) {
        try {
            return EventJson.data(envelope);
        } catch (UnreadableEventException e) {
            throw new IllegalStateException("the event store holds an event this code cannot read", e);
        }
    }

    private Uni<Void> apply(Mutiny.Session session, EventEnvelope envelope, EventData data) {
        return switch (data) {
            case ReleaseTaskCreated created -> taskCreated(session, envelope, created);
            case ReleaseTaskEvent moved -> taskMoved(session, envelope, moved);
            case WhitelistCreated created -> whitelistCreated(session, envelope, created);
            case WhitelistMembersAdded added -> whitelist(session, added.whitelistId())
                    .chain(view -> WhitelistMembers.insert(session, view.whitelistId, added.ids())
                            .invoke(count -> touch(view, envelope, count)))
                    .replaceWithVoid();
            case WhitelistMembersRemoved removed -> whitelist(session, removed.whitelistId())
                    .chain(view -> WhitelistMembers.delete(session, view.whitelistId, removed.ids())
                            .invoke(count -> touch(view, envelope, -count)))
                    .replaceWithVoid();
            case WhitelistDeleted deleted -> whitelist(session, deleted.whitelistId())
                    .chain(view -> WhitelistMembers.deleteAll(session, view.whitelistId).invoke(() -> {
                        view.deleted = true;
                        view.memberCount = 0;
                        touch(view, envelope, 0);
                    }))
                    .replaceWithVoid();
            // Apps are package-service's: nothing of them is projected here.
            case AppRegistered registered -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> taskCreated(Mutiny.Session session, EventEnvelope envelope, ReleaseTaskCreated created) {
        ReleaseTask task = ReleaseTask.created(created);
        ReleaseTaskView view = new ReleaseTaskView();
        view.taskId = task.taskId();
        view.appKey = envelope.appKey();
        view.packageId = task.packageId();
        view.version = task.version();
        view.platform = task.platform();
        view.releaseType = task.releaseType();
        view.state = task.state();
        view.grayscale = Json.write(task.grayscale());
        view.rules = Json.write(task.rules());
        view.safeguard = created.safeguard() == null ? null : Json.write(created.safeguard());
        view.description = task.description();
        view.batchId = task.batchId();
        view.artifact = Json.write(task.artifact());
        view.streamVersion = envelope.streamVersion();
        view.createdAt = envelope.occurredAt();
        view.updatedAt = envelope.occurredAt();
        view.createdBy = envelope.actor();
        view.updatedBy = envelope.actor();
        Uni<Void> persisted = session.persist(view).call(session::flush);
        if (task.grayscale() == null || task.grayscale().mode() != GrayscaleMode.WHITELIST) {
            return persisted;
        }
        return persisted.chain(() -> session.createNativeQuery("INSERT INTO release_task_whitelist (task_id, whitelist_id) "
                        + "SELECT :task, whitelist FROM unnest(CAST(:whitelists AS text[])) AS whitelist")
                .setParameter("task", task.taskId())
                .setParameter("whitelists", task.grayscale().whitelistIds().toArray(String[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    private Uni<Void> taskMoved(Mutiny.Session session, EventEnvelope envelope, ReleaseTaskEvent moved) {
        return session.find(ReleaseTaskView.class, moved.taskId()).invoke(view -> {
            view.releaseType = moved.releaseType();
            view.state = switch (moved) {
                case ReleaseTaskPaused paused -> TaskState.PAUSED;
                case ReleaseTaskFinished finished -> TaskState.FINISHED;
                case ReleaseTaskCancelled cancelled -> TaskState.CANCELLED;
                case ReleaseTaskCreated created -> TaskState.RELEASING;
                case ReleaseTaskResumed resumed -> TaskState.RELEASING;
                case ReleaseTaskPromoted promoted -> TaskState.RELEASING;
            };
            if (moved instanceof ReleaseTaskPromoted) {
                view.grayscale = null;
                view.rules = Json.write(List.of());
            }
            view.streamVersion = envelope.streamVersion();
            view.updatedAt = envelope.occurredAt();
            view.updatedBy = envelope.actor();
        }).call(session::flush).replaceWithVoid();
    }

    private Uni<Void> whitelistCreated(Mutiny.Session session, EventEnvelope envelope, WhitelistCreated created) {
        WhitelistView view = new WhitelistView();
        view.whitelistId = created.whitelistId();
        view.appKey = envelope.appKey();
        view.name = created.name();
        view.idType = created.idType();
        view.streamVersion = envelope.streamVersion();
        view.createdAt = envelope.occurredAt();
        view.updatedAt = envelope.occurredAt();
        view.createdBy = envelope.actor();
        return session.persist(view).call(session::flush);
    }

    private static Uni<WhitelistView> whitelist(Mutiny.Session session, String whitelistId) {
        return session.find(WhitelistView.class, whitelistId);
    }

    private static void touch(WhitelistView view, EventEnvelope envelope, long memberDelta) {
        view.memberCount += memberDelta;
        view.streamVersion = envelope.streamVersion();
        view.updatedAt = envelope.occurredAt();
    }
}
