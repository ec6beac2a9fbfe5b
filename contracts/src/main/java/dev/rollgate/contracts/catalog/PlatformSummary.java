package dev.rollgate.contracts.catalog;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;

/** The highest version of a package on one platform and that version's state. */
public record PlatformSummary(Platform platform, String highestVersion, VersionState state) {
}
