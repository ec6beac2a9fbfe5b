package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.version.Version;

/**
 * A package's versions on one platform only ever go up: clients and release tasks compare versions, so a
 * version equal to or below an earlier one would be ambiguous or never win.
 */
public final class VersionOrder {

    private VersionOrder() {
    }

    /** @param currentHighest the platform's highest version so far, or null when it has none */
    public static void requireHigher(String packageId, Platform platform, Version candidate, Version currentHighest) {
        if (currentHighest != null && candidate.compareTo(currentHighest) <= 0) {
            throw new ConflictException("version " + candidate + " of package " + packageId + " on " + platform
                    + " must be higher than the current highest version " + currentHighest);
        }
    }
}
