package dev.rollgate.packages.domain;

import dev.rollgate.contracts.catalog.PlatformSummary;
import dev.rollgate.contracts.version.Version;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the package list shows for a package over all platforms: its highest version and that version's
 * state. When two platforms share the highest version, the first platform in {@code Platform} order
 * speaks for it; {@code ?platform=} gives the exact per-platform view.
 */
public final class PackageStatus {

    private PackageStatus() {
    }

    public static Optional<PlatformSummary> overall(List<PlatformSummary> heads) {
        return heads.stream()
                .sorted(Comparator.comparing(PlatformSummary::platform))
                .reduce((best, next) -> Version.parse(next.highestVersion()).compareTo(Version.parse(best.highestVersion())) > 0
                        ? next : best);
    }
}
