package dev.rollgate.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.gateway.resolve.Resolution;

/** One package version a client should run, with what it needs to fetch and verify it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientPackage(String packageId, String version, ReleaseType releaseType, String downloadUrl,
                            String sha256, long sizeBytes, String mainUrl, String fallbackBaseUrl) {

    static ClientPackage of(Resolution r) {
        return new ClientPackage(r.packageId(), r.version(), r.releaseType(), r.artifact().downloadUrl(),
                r.artifact().sha256(), r.artifact().sizeBytes(), r.artifact().mainUrl(),
                r.artifact().fallbackBaseUrl());
    }
}
