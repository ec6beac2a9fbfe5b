package dev.rollgate.release.service;

import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.TaskState;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.release.domain.ReleaseConflictException;
import dev.rollgate.release.domain.ReleasePlan;
import dev.rollgate.release.domain.UnknownResourceException;
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
 * Checks against this service's own facts, inside the command's transaction: whitelists exist, no package
 * has an active task, a version is not already released to the end. (package-service's view of a version's
 * state follows the events a moment later; these facts are exact now.)
 */
@ApplicationScoped
public class TaskGuards {

    private static final List<TaskState> ACTIVE = List.of(TaskState.RELEASING, TaskState.PAUSED);

    /**
     * The whitelists stay locked (FOR SHARE) until the task's transaction ends: a deletion, which locks its
     * whitelist FOR UPDATE and then looks for active tasks, either waits for this task and sees it, or has
     * deleted the whitelist before this finds it.
     */
    public Uni<Void> whitelistsExist(String appKey, ReleasePlan plan) {
        if (plan.grayscale() == null || plan.grayscale().mode() != GrayscaleMode.WHITELIST) {
            return Uni.createFrom().voidItem();
        }
        List<String> wanted = plan.grayscale().whitelistIds();
        return WhitelistView.<WhitelistView>find("whitelistId in ?1 and appKey = ?2 and deleted = false", wanted, appKey)
                .withLock(LockModeType.PESSIMISTIC_READ).list()
                .invoke(found -> {
                    Set<String> missing = new HashSet<>(wanted);
                    found.forEach(view -> missing.remove(view.whitelistId));
                    if (!missing.isEmpty()) {
                        throw new UnknownResourceException("whitelist(s) " + String.join(", ", missing.stream().sorted()
                                .toList()) + " do not exist in app '" + appKey + "'");
                    }
                })
                .replaceWithVoid();
    }

    /** The active task of each of the packages that has one, by packageId. */
    public Uni<Map<String, String>> activeTasks(String appKey, List<String> packageIds, Platform platform) {
        return ReleaseTaskView.<ReleaseTaskView>list("appKey = ?1 and packageId in ?2 and platform = ?3 and state in ?4",
                        appKey, packageIds, platform, ACTIVE)
                .map(views -> views.stream().collect(Collectors.toMap(view -> view.packageId, view -> view.taskId)));
    }

    public Uni<Void> noActiveTask(String appKey, String packageId, Platform platform) {
        return activeTasks(appKey, List.of(packageId), platform).invoke(active -> {
            if (!active.isEmpty()) {
                throw new ReleaseConflictException("package " + packageId + " already has an active task "
                        + active.get(packageId) + " on " + platform + ": pause, finish or cancel it first");
            }
        }).replaceWithVoid();
    }

    /** A version whose official release finished is the baseline already; it is not released again singly. */
    public Uni<Void> notFinished(String appKey, String packageId, Platform platform, Version version) {
        return ReleaseTaskView.<ReleaseTaskView>list("appKey = ?1 and packageId = ?2 and platform = ?3 and state = ?4",
                        appKey, packageId, platform, TaskState.FINISHED)
                .invoke(finished -> finished.stream()
                        .filter(view -> Version.parse(view.version).equals(version))
                        .findFirst()
                        .ifPresent(view -> {
                            throw new ReleaseConflictException("version " + version + " of package " + packageId
                                    + " on " + platform + " was released by task " + view.taskId + ", which is FINISHED");
                        }))
                .replaceWithVoid();
    }
}
