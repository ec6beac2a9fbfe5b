package dev.rollgate.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.gateway.resolve.Resolution;

/**
 * One package version a client should run, with what it needs to fetch and verify it.
 *
 * @param taskId the release task that chose this version, for the device's outcome reports; absent for a
 *               baseline version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientPackage(String packageId, String version, ReleaseType releaseType, String downloadUrl,
                            String sha256, long sizeBytes, String mainUrl, String fallbackBaseUrl, String taskId) {

    static ClientPackage of(Resolution r) {
        return new ClientPackage(r.packageId(), r.version(), r.releaseType(), r.artifact().downloadUrl(),
                r.artifact().sha256(), r.artifact().sizeBytes(), r.artifact().mainUrl(),
                r.artifact().fallbackBaseUrl(), r.taskId());
    }
}
