package dev.rollgate.release.service;

import dev.rollgate.outbox.EventStore;
import dev.rollgate.release.domain.ReleaseTask;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.release.persistence.ReleaseTaskView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The task list, a task, and its audit trail, read from the projections and the event store. */
@ApplicationScoped
public class TaskReads {

    private final EventStore store;

    TaskReads(EventStore store) {
        this.store = store;
    }

    @WithSession
    public Uni<Page<TaskView>> list(String appKey, TaskQuery query) {
        StringBuilder where = new StringBuilder("appKey = :app");
        Parameters parameters = Parameters.with("app", appKey);
        if (query.packageId() != null) {
            where.append(" and packageId = :package");
            parameters.and("package", query.packageId());
        }
        if (query.state() != null) {
            where.append(" and state = :state");
            parameters.and("state", query.state());
        }
        PanacheQuery<ReleaseTaskView> found = ReleaseTaskView.find(where + " order by createdAt desc, taskId",
                parameters);
        return found.page(query.page(), query.size()).<ReleaseTaskView>list()
                .chain(views -> found.count().map(total -> new Page<>(views.stream().map(TaskView::of).toList(), total,
                        query.page(), query.size())));
    }

    @WithSession
    public Uni<TaskView> detail(String appKey, String taskId) {
        return ReleaseTaskView.<ReleaseTaskView>findById(taskId).map(view -> {
            if (view == null || !view.appKey.equals(appKey)) {
                throw new UnknownResourceException("release task " + taskId + " does not exist in app '" + appKey + "'");
            }
            return TaskView.of(view);
        });
    }

    @WithSession
    public Uni<List<TaskEventView>> events(String appKey, String taskId) {
        return Panache.getSession().chain(session -> store.load(session, ReleaseTask.streamId(taskId))).map(events -> {
            if (events.isEmpty() || !appKey.equals(events.getFirst().envelope().appKey())) {
                throw new UnknownResourceException("release task " + taskId + " does not exist in app '" + appKey + "'");
            }
            return events.stream().map(TaskEventView::of).toList();
        });
    }
}
