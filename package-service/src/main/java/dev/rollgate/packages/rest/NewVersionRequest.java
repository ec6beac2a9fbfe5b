package dev.rollgate.packages.rest;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.packages.domain.VersionDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The shape of a new version; the catalog's own rules (parseable versions, URLs, range) are checked in the domain. */
public record NewVersionRequest(
        @NotBlank @Size(max = 128) String version,
        @NotNull Platform platform,
        @NotBlank @Size(max = 128) String clientVersionMin,
        @Size(min = 1, max = 128) String clientVersionMax,
        @NotBlank @Size(max = 2048) String downloadUrl,
        @NotBlank @Size(max = 64) String sha256,
        @NotNull @Positive @Max(MAX_SIZE_BYTES) Long sizeBytes,
        @Size(min = 1, max = 2048) String mainUrl,
        @Size(min = 1, max = 2048) String fallbackBaseUrl) {

    /** 10 GiB: far above any offline package, low enough to catch a unit mistake. */
    static final long MAX_SIZE_BYTES = 10L * 1024 * 1024 * 1024;

    VersionDraft draft() {
        return new VersionDraft(version, platform, clientVersionMin, clientVersionMax, downloadUrl, sha256, sizeBytes,
                mainUrl, fallbackBaseUrl);
    }
}
