package dev.rollgate.release.service;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.outbox.EventStore;
import dev.rollgate.outbox.RecordedEvent;
import dev.rollgate.release.domain.ReleaseTask;
import dev.rollgate.release.domain.TaskCommand;
import dev.rollgate.release.persistence.ReleaseTaskView;
import dev.rollgate.contracts.problem.UnknownResourceException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Pause, resume, promote, finish, cancel: load the task's events, fold them, let the task decide, append
 * with the version it was loaded at.
 */
@ApplicationScoped
public class TaskCommands {

    private static final Logger LOG = Logger.getLogger(TaskCommands.class);

    private final EventStore store;
    private final StreamAppender appender;

    TaskCommands(EventStore store, StreamAppender appender) {
        this.store = store;
        this.appender = appender;
    }

    /** @param expectedVersion the If-Match version, or null to act on whatever version is current */
    public Uni<TaskView> apply(String appKey, String taskId, TaskCommand command, Long expectedVersion, String actor) {
        return apply(appKey, taskId, command, expectedVersion, actor, null);
    }

    /** As {@link #apply}, with the reason a pause gives in its event (the safeguard's figures). */
    public Uni<TaskView> apply(String appKey, String taskId, TaskCommand command, Long expectedVersion, String actor,
                               String reason) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> load(session, appKey, taskId)
                        .chain(task -> appender.append(session, appKey, ReleaseTask.streamId(taskId),
                                        task.streamVersion(), List.of(task.decide(command, expectedVersion, reason)), actor)
                                .chain(() -> session.find(ReleaseTaskView.class, taskId)))))
                .invoke(view -> LOG.infof("task %s of app %s: %s, now %s", taskId, appKey, command.pathName(),
                        view.state))
                .map(TaskView::of);
    }

    private Uni<ReleaseTask> load(Mutiny.Session session, String appKey, String taskId) {
        return store.load(session, ReleaseTask.streamId(taskId)).map(recorded -> {
            if (recorded.isEmpty() || !appKey.equals(recorded.getFirst().envelope().appKey())) {
                throw new UnknownResourceException("release task " + taskId + " does not exist in app '" + appKey + "'");
            }
            return ReleaseTask.fold(data(recorded));
        });
    }

    private static List<EventData> data(List<RecordedEvent> recorded) {
        return recorded.stream().map(event -> {
            try {
                return EventJson.data(event.envelope());
            } catch (UnreadableEventException e) {
                throw new IllegalStateException("the event store holds an event this code cannot read", e);
            }
        }).toList();
    }
}
