package dev.rollgate.release.service;

import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.TaskState;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.release.domain.ReleasePlan;
import dev.rollgate.release.persistence.ReleaseTaskView;
import dev.rollgate.release.persistence.WhitelistView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * This service's own facts that task creation is decided on, read inside the command's transaction: which
 * whitelists exist, which packages have an active task, whether a version was released to the end.
 * (package-service's view of a version's state follows the events a moment later; these are exact now.)
 */
@ApplicationScoped
public class TaskFacts {

    private static final List<TaskState> ACTIVE = List.of(TaskState.RELEASING, TaskState.PAUSED);

    /**
     * The plan's whitelists that do not exist. Those that do stay locked (FOR SHARE) until the task's
     * transaction ends: a deletion, which locks its whitelist FOR UPDATE and then looks for active tasks,
     * either waits for this task and sees it, or has deleted the whitelist before this reads it.
     */
    public Uni<Set<String>> missingWhitelists(String appKey, ReleasePlan plan) {
        if (plan.grayscale() == null || plan.grayscale().mode() != GrayscaleMode.WHITELIST) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> wanted = plan.grayscale().whitelistIds();
        return WhitelistView.<WhitelistView>find("whitelistId in ?1 and appKey = ?2 and deleted = false", wanted, appKey)
                .withLock(LockModeType.PESSIMISTIC_READ).list()
                .map(found -> {
                    Set<String> missing = new HashSet<>(wanted);
                    found.forEach(view -> missing.remove(view.whitelistId));
                    return missing;
                });
    }

    /** The active task of each of the packages that has one, by packageId. */
    public Uni<Map<String, String>> activeTasks(String appKey, List<String> packageIds, Platform platform) {
        return ReleaseTaskView.<ReleaseTaskView>list("appKey = ?1 and packageId in ?2 and platform = ?3 and state in ?4",
                        appKey, packageIds, platform, ACTIVE)
                .map(views -> views.stream().collect(Collectors.toMap(view -> view.packageId, view -> view.taskId)));
    }

    /** The FINISHED task that released this version, or null: such a version is the baseline already. */
    public Uni<String> finishedTask(String appKey, String packageId, Platform platform, Version version) {
        return ReleaseTaskView.<ReleaseTaskView>list("appKey = ?1 and packageId = ?2 and platform = ?3 and state = ?4",
                        appKey, packageId, platform, TaskState.FINISHED)
                .map(finished -> finished.stream()
                        .filter(view -> Version.parse(view.version).equals(version))
                        .map(view -> view.taskId)
                        .findFirst().orElse(null));
    }
}
