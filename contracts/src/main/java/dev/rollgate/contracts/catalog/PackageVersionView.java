package dev.rollgate.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;

import java.time.Instant;

/**
 * A package version as package-service answers it ({@code GET .../versions/{version}?platform=}), and as
 * release-service reads it before it releases the version.
 *
 * @param clientVersionMax null when every client from {@code clientVersionMin} up fits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageVersionView(
        String appKey,
        String packageId,
        String version,
        Platform platform,
        VersionState state,
        String downloadUrl,
        String sha256,
        long sizeBytes,
        String mainUrl,
        String fallbackBaseUrl,
        String clientVersionMin,
        String clientVersionMax,
        Instant createdAt) {
}
