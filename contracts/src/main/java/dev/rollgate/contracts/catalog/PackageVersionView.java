package dev.rollgate.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;

import java.time.Instant;
import java.util.List;

/**
 * A package version as package-service answers it ({@code GET .../versions/{version}?platform=}), and as
 * release-service reads it before it releases the version.
 *
 * @param clientVersionMax null when every client from {@code clientVersionMin} up fits
 * @param contentSha256    the digest of the unpacked files, for uploaded versions; null for an external file
 * @param signature        Ed25519 over the version's identity and hashes (base64); null before signing existed
 * @param diffs            the diff packages to this version from earlier ones; empty when none were made
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
        Instant createdAt,
        String contentSha256,
        String signature,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DiffPackage> diffs) {

    public PackageVersionView {
        diffs = diffs == null ? List.of() : List.copyOf(diffs);
    }
}
