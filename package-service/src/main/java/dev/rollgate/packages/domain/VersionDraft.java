package dev.rollgate.packages.domain;

import dev.rollgate.contracts.release.Platform;

/** A version as an operator submitted it, before the catalog's rules have been checked. */
public record VersionDraft(
        String version,
        Platform platform,
        String clientVersionMin,
        String clientVersionMax,
        String downloadUrl,
        String sha256,
        long sizeBytes,
        String mainUrl,
        String fallbackBaseUrl) {
}
