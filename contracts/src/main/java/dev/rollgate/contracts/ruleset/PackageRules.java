package dev.rollgate.contracts.ruleset;

import java.util.List;

/**
 * One package of a segment.
 *
 * @param finished the versions whose official release finished, highest first: the baseline candidates
 * @param active   the releasing and paused tasks, highest version first
 */
public record PackageRules(String packageId, List<FinishedVersion> finished, List<ActiveRelease> active) {
}
