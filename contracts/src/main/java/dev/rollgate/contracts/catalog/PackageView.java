package dev.rollgate.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.VersionState;

import java.time.Instant;
import java.util.List;

/**
 * A package as package-service answers it. In the package list {@code versions} is absent; in the package
 * detail it holds every version, highest first per platform.
 *
 * @param highestVersion the highest version over all platforms, null when the package has none yet
 * @param status         the state of {@code highestVersion}, null when the package has no version
 * @param platforms      per platform, its highest version and that version's state (release-service's
 *                       batch release reads this)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageView(
        String appKey,
        String packageId,
        String name,
        String description,
        PackageType type,
        String vhost,
        String highestVersion,
        VersionState status,
        List<PlatformSummary> platforms,
        List<PackageVersionView> versions,
        Instant createdAt) {
}
