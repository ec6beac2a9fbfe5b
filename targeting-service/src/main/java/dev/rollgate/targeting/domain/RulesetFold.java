package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskEvent;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.contracts.version.Version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies one release-task event to its segment's ruleset. Pure and deterministic: the same events in the
 * same order give the same ruleset, which is what makes a rebuild from the topic byte-identical.
 */
public final class RulesetFold {

    /** Highest version first; equal versions by taskId so that the order never depends on arrival. */
    private static final Comparator<ActiveRelease> ACTIVE_ORDER = Comparator
            .comparing((ActiveRelease a) -> Version.parse(a.version())).reversed()
            .thenComparing(ActiveRelease::taskId);
    private static final Comparator<FinishedVersion> FINISHED_ORDER = Comparator
            .comparing((FinishedVersion f) -> Version.parse(f.version())).reversed();

    private RulesetFold() {
    }

    /**
     * @param offset        the event's Kafka offset: the ruleset's new revision
     * @param whitelistType the id type of a whitelist of the app, empty when no such whitelist is known
     */
    public static Ruleset apply(Ruleset ruleset, ReleaseTaskEvent event, long offset,
                                Function<String, Optional<IdType>> whitelistType) {
        PackageRules pkg = ruleset.packages().stream()
                .filter(p -> p.packageId().equals(event.packageId()))
                .findFirst()
                .orElse(new PackageRules(event.packageId(), List.of(), List.of()));
        PackageRules changed = switch (event) {
            case ReleaseTaskCreated created -> withActive(pkg, active(created, offset, whitelistType));
            case ReleaseTaskPaused paused -> mapActive(pkg, paused.taskId(), a -> withPaused(a, true));
            case ReleaseTaskResumed resumed -> mapActive(pkg, resumed.taskId(), a -> withPaused(a, false));
            case ReleaseTaskPromoted promoted -> mapActive(pkg, promoted.taskId(), RulesetFold::promoted);
            case ReleaseTaskFinished finished -> finish(pkg, finished.taskId());
            case ReleaseTaskCancelled cancelled -> withoutActive(pkg, cancelled.taskId());
        };
        List<PackageRules> packages = new ArrayList<>(ruleset.packages().size() + 1);
        for (PackageRules p : ruleset.packages()) {
            if (!p.packageId().equals(pkg.packageId())) {
                packages.add(p);
            }
        }
        if (!changed.finished().isEmpty() || !changed.active().isEmpty()) {
            packages.add(changed);
        }
        packages.sort(Comparator.comparing(PackageRules::packageId));
        return new Ruleset(Ruleset.FORMAT_VERSION, ruleset.appKey(), ruleset.platform(), offset, List.copyOf(packages));
    }

    /** A grayscale task's audience starts at its creation: no gateway has asked about it before. */
    private static ActiveRelease active(ReleaseTaskCreated created, long offset,
                                        Function<String, Optional<IdType>> whitelistType) {
        List<WhitelistRef> whitelists = List.of();
        if (created.grayscale() != null && created.grayscale().mode() == GrayscaleMode.WHITELIST
                && created.grayscale().whitelistIds() != null) {
            // A whitelist deleted before the task was created cannot be checked: it simply matches nobody.
            whitelists = created.grayscale().whitelistIds().stream()
                    .flatMap(id -> whitelistType.apply(id).map(type -> new WhitelistRef(id, type)).stream())
                    .toList();
        }
        boolean grayscale = created.releaseType() == ReleaseType.GRAYSCALE;
        return new ActiveRelease(created.taskId(), created.version(), created.releaseType(), false,
                grayscale ? created.grayscale() : null, whitelists,
                created.rules() == null ? List.of() : List.copyOf(created.rules()), created.artifact(),
                grayscale ? offset : null);
    }

    private static ActiveRelease withPaused(ActiveRelease a, boolean paused) {
        return new ActiveRelease(a.taskId(), a.version(), a.releaseType(), paused, a.grayscale(), a.whitelists(),
                a.rules(), a.artifact(), a.audienceRevision());
    }

    /** An official task reaches every client its version fits: audience and rules no longer apply. */
    private static ActiveRelease promoted(ActiveRelease a) {
        return new ActiveRelease(a.taskId(), a.version(), ReleaseType.OFFICIAL, false, null, List.of(), List.of(),
                a.artifact());
    }

    private static PackageRules withActive(PackageRules pkg, ActiveRelease added) {
        List<ActiveRelease> active = new ArrayList<>(pkg.active().size() + 1);
        for (ActiveRelease a : pkg.active()) {
            if (!a.taskId().equals(added.taskId())) {
                active.add(a);
            }
        }
        active.add(added);
        active.sort(ACTIVE_ORDER);
        return new PackageRules(pkg.packageId(), pkg.finished(), List.copyOf(active));
    }

    private static PackageRules mapActive(PackageRules pkg, String taskId, Function<ActiveRelease, ActiveRelease> f) {
        return new PackageRules(pkg.packageId(), pkg.finished(),
                pkg.active().stream().map(a -> a.taskId().equals(taskId) ? f.apply(a) : a).toList());
    }

    private static PackageRules withoutActive(PackageRules pkg, String taskId) {
        return new PackageRules(pkg.packageId(), pkg.finished(),
                pkg.active().stream().filter(a -> !a.taskId().equals(taskId)).toList());
    }

    private static PackageRules finish(PackageRules pkg, String taskId) {
        Optional<ActiveRelease> task = pkg.active().stream().filter(a -> a.taskId().equals(taskId)).findFirst();
        if (task.isEmpty()) {
            return pkg;
        }
        List<FinishedVersion> finished = new ArrayList<>(pkg.finished().size() + 1);
        for (FinishedVersion f : pkg.finished()) {
            if (Version.parse(f.version()).compareTo(Version.parse(task.get().version())) != 0) {
                finished.add(f);
            }
        }
        finished.add(new FinishedVersion(task.get().version(), task.get().artifact()));
        finished.sort(FINISHED_ORDER);
        return new PackageRules(pkg.packageId(), List.copyOf(finished), withoutActive(pkg, taskId).active());
    }
}
