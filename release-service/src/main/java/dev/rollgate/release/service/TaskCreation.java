package dev.rollgate.release.service;

import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.release.domain.BatchFacts;
import dev.rollgate.release.domain.CreationFacts;
import dev.rollgate.release.domain.ReleasePlan;
import dev.rollgate.release.domain.ReleaseTask;
import dev.rollgate.release.domain.TaskCreationRules;
import dev.rollgate.release.persistence.ReleaseTaskView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates release tasks, one or a batch: the catalog is asked first, outside the transaction, so that a slow
 * or absent package-service holds no database connection; then, in one transaction, this service's facts
 * are read, {@link TaskCreationRules} decides, and the created events are appended. A refused command
 * writes nothing.
 */
@ApplicationScoped
public class TaskCreation {

    private static final Logger LOG = Logger.getLogger(TaskCreation.class);

    private final PackageCatalog catalog;
    private final TaskFacts facts;
    private final StreamAppender appender;
    private final Clock clock;

    TaskCreation(PackageCatalog catalog, TaskFacts facts, StreamAppender appender, Clock clock) {
        this.catalog = catalog;
        this.facts = facts;
        this.appender = appender;
        this.clock = clock;
    }

    public Uni<TaskView> create(String appKey, TaskDraft draft, String actor) {
        ReleasePlan plan = draft.plan().checked(clock.instant());
        Version version = Version.parseOrNull(draft.version());
        if (version == null) {
            throw InvalidInputException.of("version", "is not a version: " + draft.version());
        }
        return catalog.version(appKey, draft.packageId(), version.toString(), draft.platform())
                .invoke(TaskCreationRules::requireReleasable)
                .chain(found -> Panache.withTransaction(() -> Panache.getSession().chain(session ->
                        facts.missingWhitelists(appKey, plan)
                                .chain(missing -> facts.activeTasks(appKey, List.of(draft.packageId()), draft.platform())
                                        .chain(active -> facts.finishedTask(appKey, draft.packageId(), draft.platform(),
                                                        version)
                                                .map(finished -> new CreationFacts(found, missing,
                                                        active.get(draft.packageId()), finished))))
                                .map(known -> TaskCreationRules.single(appKey, plan, known, UUID.randomUUID().toString()))
                                .chain(created -> append(session, appKey, created, actor)))))
                .invoke(view -> LOG.infof("created %s task %s for %s %s on %s in app %s", view.releaseType,
                        view.taskId, view.packageId, view.version, view.platform, appKey))
                .map(TaskView::of);
    }

    public Uni<List<TaskView>> batch(String appKey, BatchDraft draft, String actor) {
        ReleasePlan plan = draft.plan().checked(clock.instant());
        List<Uni<Optional<PackageView>>> lookups = draft.packageIds().stream()
                .map(packageId -> catalog.pkg(appKey, packageId).map(Optional::of)
                        .onFailure(UnknownResourceException.class).recoverWithItem(Optional.empty()))
                .toList();
        return catalog.requireApp(appKey)
                .chain(() -> Uni.join().all(lookups).andFailFast())
                .chain(packages -> Panache.withTransaction(() -> Panache.getSession().chain(session ->
                        facts.missingWhitelists(appKey, plan)
                                .chain(missing -> facts.activeTasks(appKey, draft.packageIds(), draft.platform())
                                        .map(active -> new BatchFacts(packages, active, missing)))
                                .map(known -> TaskCreationRules.batch(appKey, draft.packageIds(), draft.platform(),
                                        plan, known, UUID.randomUUID().toString(), () -> UUID.randomUUID().toString()))
                                .chain(created -> {
                                    Uni<List<ReleaseTaskView>> appended = Uni.createFrom().item(new ArrayList<>());
                                    for (ReleaseTaskCreated task : created) {
                                        appended = appended.call(views -> append(session, appKey, task, actor)
                                                .invoke(views::add));
                                    }
                                    return appended;
                                }))))
                .invoke(views -> LOG.infof("created a batch of %d tasks in app %s", views.size(), appKey))
                .map(views -> views.stream().map(TaskView::of).toList());
    }

    private Uni<ReleaseTaskView> append(Mutiny.Session session, String appKey, ReleaseTaskCreated created,
                                        String actor) {
        return appender.append(session, appKey, ReleaseTask.streamId(created.taskId()), 0, List.of(created), actor)
                .chain(() -> session.find(ReleaseTaskView.class, created.taskId()));
    }
}
