package dev.rollgate.release.domain;

import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.catalog.PlatformSummary;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.release.VersionState;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * When a task may be created, decided from facts passed in as data, so that the rules hold the same for
 * one task and a batch and are tested without a database. A refused creation throws; an allowed one is
 * the {@link ReleaseTaskCreated} event to append.
 */
public final class TaskCreationRules {

    /** A single task may re-release a version whose earlier task was cancelled. */
    private static final Set<VersionState> RELEASABLE = EnumSet.of(VersionState.TO_BE_RELEASED, VersionState.CANCELLED);
    /** A batch takes each package's highest version: new ones, or the current baseline to re-target it. */
    private static final Set<VersionState> BATCH_RELEASABLE =
            EnumSet.of(VersionState.TO_BE_RELEASED, VersionState.FINISHED_RELEASE);

    private TaskCreationRules() {
    }

    /** Also asked before the command's transaction, so that a version in the wrong state holds no connection. */
    public static void requireReleasable(PackageVersionView version) {
        if (!RELEASABLE.contains(version.state())) {
            throw new ConflictException("version " + version.version() + " of package " + version.packageId()
                    + " on " + version.platform() + " is " + version.state()
                    + ": a task releases a version that is TO_BE_RELEASED or CANCELLED");
        }
    }

    /**
     * @throws UnknownResourceException when a whitelist of the plan does not exist
     * @throws ConflictException        when the version may not be released now
     */
    public static ReleaseTaskCreated single(String appKey, ReleasePlan plan, CreationFacts facts, String taskId) {
        PackageVersionView version = facts.version();
        requireReleasable(version);
        requireWhitelists(appKey, facts.missingWhitelists());
        if (facts.activeTaskId() != null) {
            throw new ConflictException("package " + version.packageId() + " already has an active task "
                    + facts.activeTaskId() + " on " + version.platform() + ": pause, finish or cancel it first");
        }
        if (facts.finishedTaskId() != null) {
            throw new ConflictException("version " + version.version() + " of package " + version.packageId()
                    + " on " + version.platform() + " was released by task " + facts.finishedTaskId()
                    + ", which is FINISHED");
        }
        return created(taskId, version, plan, null);
    }

    /**
     * All the batch's tasks, or a refusal listing every package that blocks it (a package may block for
     * several reasons: the detail counts packages, the errors list reasons).
     */
    public static List<ReleaseTaskCreated> batch(String appKey, List<String> packageIds, Platform platform,
                                                 ReleasePlan plan, BatchFacts facts, String batchId,
                                                 Supplier<String> taskIds) {
        requireWhitelists(appKey, facts.missingWhitelists());
        List<FieldError> problems = new ArrayList<>();
        List<PackageVersionView> chosen = new ArrayList<>();
        for (int i = 0; i < packageIds.size(); i++) {
            String packageId = packageIds.get(i);
            String field = "packageIds[" + i + "]";
            choose(packageId, field, platform, facts.packages().get(i), problems).ifPresent(chosen::add);
            if (facts.activeTasks().containsKey(packageId)) {
                problems.add(new FieldError(field, "package " + packageId + " already has an active task "
                        + facts.activeTasks().get(packageId) + " on " + platform));
            }
        }
        if (!problems.isEmpty()) {
            long blocking = problems.stream().map(FieldError::field).distinct().count();
            throw new ConflictException(blocking + " of " + packageIds.size()
                    + " packages cannot be released; no task was created", problems);
        }
        return chosen.stream().map(version -> created(taskIds.get(), version, plan, batchId)).toList();
    }

    /** The package's highest version on the platform when that one may be released by a batch. */
    private static Optional<PackageVersionView> choose(String packageId, String field, Platform platform,
                                                       Optional<PackageView> pkg, List<FieldError> problems) {
        if (pkg.isEmpty()) {
            problems.add(new FieldError(field, "package " + packageId + " does not exist"));
            return Optional.empty();
        }
        Optional<PlatformSummary> head = pkg.get().platforms().stream()
                .filter(summary -> summary.platform() == platform).findFirst();
        if (head.isEmpty()) {
            problems.add(new FieldError(field, "package " + packageId + " has no version on " + platform));
            return Optional.empty();
        }
        if (!BATCH_RELEASABLE.contains(head.get().state())) {
            problems.add(new FieldError(field, "package " + packageId + ": highest version "
                    + head.get().highestVersion() + " on " + platform + " is " + head.get().state()
                    + " (a batch releases TO_BE_RELEASED or FINISHED_RELEASE versions)"));
            return Optional.empty();
        }
        return pkg.get().versions().stream()
                .filter(v -> v.platform() == platform && v.version().equals(head.get().highestVersion()))
                .findFirst();
    }

    private static void requireWhitelists(String appKey, Set<String> missing) {
        if (!missing.isEmpty()) {
            throw new UnknownResourceException("whitelist(s) " + String.join(", ", missing.stream().sorted().toList())
                    + " do not exist in app '" + appKey + "'");
        }
    }

    private static ReleaseTaskCreated created(String taskId, PackageVersionView version, ReleasePlan plan,
                                              String batchId) {
        VersionArtifact artifact = new VersionArtifact(version.downloadUrl(), version.sha256(), version.sizeBytes(),
                version.mainUrl(), version.fallbackBaseUrl(), version.clientVersionMin(), version.clientVersionMax(),
                version.contentSha256(), version.signature(), version.diffs());
        return new ReleaseTaskCreated(taskId, version.packageId(), version.version(), version.platform(),
                plan.releaseType(), plan.grayscale(), plan.rules(), plan.description(), batchId, artifact,
                plan.safeguard());
    }
}
