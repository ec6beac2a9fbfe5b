package dev.rollgate.release.service;

import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.catalog.PlatformSummary;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.release.domain.InvalidInputException;
import dev.rollgate.release.domain.ReleaseConflictException;
import dev.rollgate.release.domain.ReleasePlan;
import dev.rollgate.release.domain.ReleaseTask;
import dev.rollgate.release.domain.UnknownResourceException;
import dev.rollgate.release.persistence.ReleaseTaskView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Creates release tasks, one or a batch. package-service is asked first, outside the transaction, so that
 * a slow or absent package-service holds no database connection; then every check and every append of the
 * command happens in one transaction, so a refused command writes nothing.
 */
@ApplicationScoped
public class TaskCreation {

    private static final Logger LOG = Logger.getLogger(TaskCreation.class);
    private static final Set<VersionState> RELEASABLE = EnumSet.of(VersionState.TO_BE_RELEASED, VersionState.CANCELLED);
    private static final Set<VersionState> BATCH_RELEASABLE =
            EnumSet.of(VersionState.TO_BE_RELEASED, VersionState.FINISHED_RELEASE);

    private final PackageCatalog catalog;
    private final TaskGuards guards;
    private final TaskAppender appender;
    private final Clock clock;

    TaskCreation(PackageCatalog catalog, TaskGuards guards, TaskAppender appender, Clock clock) {
        this.catalog = catalog;
        this.guards = guards;
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
                .invoke(found -> {
                    if (!RELEASABLE.contains(found.state())) {
                        throw new ReleaseConflictException("version " + found.version() + " of package "
                                + found.packageId() + " on " + found.platform() + " is " + found.state()
                                + ": a task releases a version that is TO_BE_RELEASED or CANCELLED");
                    }
                })
                .chain(found -> Panache.withTransaction(() -> Panache.getSession().chain(session ->
                        guards.whitelistsExist(appKey, plan)
                                .chain(() -> guards.noActiveTask(appKey, draft.packageId(), draft.platform()))
                                .chain(() -> guards.notFinished(appKey, draft.packageId(), draft.platform(), version))
                                .chain(() -> {
                                    ReleaseTaskCreated created = created(found, plan, null);
                                    return appender.append(session, appKey, created.taskId(),
                                            ReleaseTask.streamId(created.taskId()), 0, created, actor);
                                }))))
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
                .chain(packages -> {
                    List<FieldError> problems = new ArrayList<>();
                    List<PackageVersionView> chosen = choose(draft, packages, problems);
                    return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                            guards.whitelistsExist(appKey, plan)
                                    .chain(() -> guards.activeTasks(appKey, draft.packageIds(), draft.platform()))
                                    .chain(active -> {
                                        addActive(draft, active, problems);
                                        if (!problems.isEmpty()) {
                                            // A package may block for several reasons: count packages, not reasons.
                                            long blocking = problems.stream().map(FieldError::field).distinct().count();
                                            return Uni.createFrom().failure(new ReleaseConflictException(blocking
                                                    + " of " + draft.packageIds().size()
                                                    + " packages cannot be released; no task was created", problems));
                                        }
                                        String batchId = UUID.randomUUID().toString();
                                        Uni<List<ReleaseTaskView>> appended = Uni.createFrom().item(new ArrayList<>());
                                        for (PackageVersionView version : chosen) {
                                            ReleaseTaskCreated created = created(version, plan, batchId);
                                            appended = appended.call(views -> appender.append(session, appKey,
                                                            created.taskId(), ReleaseTask.streamId(created.taskId()), 0,
                                                            created, actor)
                                                    .invoke(views::add));
                                        }
                                        return appended;
                                    })));
                })
                .invoke(views -> LOG.infof("created a batch of %d tasks in app %s", views.size(), appKey))
                .map(views -> views.stream().map(TaskView::of).toList());
    }

    /** Per package, its highest version on the platform when that one may be released; problems otherwise. */
    private static List<PackageVersionView> choose(BatchDraft draft, List<Optional<PackageView>> packages,
                                                   List<FieldError> problems) {
        List<PackageVersionView> chosen = new ArrayList<>();
        Platform platform = draft.platform();
        for (int i = 0; i < packages.size(); i++) {
            String packageId = draft.packageIds().get(i);
            String field = "packageIds[" + i + "]";
            Optional<PackageView> pkg = packages.get(i);
            if (pkg.isEmpty()) {
                problems.add(new FieldError(field, "package " + packageId + " does not exist"));
                continue;
            }
            Optional<PlatformSummary> head = pkg.get().platforms().stream()
                    .filter(summary -> summary.platform() == platform).findFirst();
            if (head.isEmpty()) {
                problems.add(new FieldError(field, "package " + packageId + " has no version on " + platform));
            } else if (!BATCH_RELEASABLE.contains(head.get().state())) {
                problems.add(new FieldError(field, "package " + packageId + ": highest version "
                        + head.get().highestVersion() + " on " + platform + " is " + head.get().state()
                        + " (a batch releases TO_BE_RELEASED or FINISHED_RELEASE versions)"));
            } else {
                pkg.get().versions().stream()
                        .filter(v -> v.platform() == platform && v.version().equals(head.get().highestVersion()))
                        .findFirst().ifPresent(chosen::add);
            }
        }
        return chosen;
    }

    private static void addActive(BatchDraft draft, Map<String, String> active, List<FieldError> problems) {
        for (int i = 0; i < draft.packageIds().size(); i++) {
            String packageId = draft.packageIds().get(i);
            if (active.containsKey(packageId)) {
                problems.add(new FieldError("packageIds[" + i + "]", "package " + packageId
                        + " already has an active task " + active.get(packageId) + " on " + draft.platform()));
            }
        }
        problems.sort(Comparator.comparing((FieldError error) -> Integer.parseInt(error.field().replaceAll("\\D", ""))));
    }

    private static ReleaseTaskCreated created(PackageVersionView version, ReleasePlan plan, String batchId) {
        VersionArtifact artifact = new VersionArtifact(version.downloadUrl(), version.sha256(), version.sizeBytes(),
                version.mainUrl(), version.fallbackBaseUrl(), version.clientVersionMin(), version.clientVersionMax(),
                version.contentSha256(), version.signature(), version.diffs());
        return new ReleaseTaskCreated(UUID.randomUUID().toString(), version.packageId(), version.version(),
                version.platform(), plan.releaseType(), plan.grayscale(), plan.rules(), plan.description(), batchId,
                artifact, plan.safeguard());
    }
}
