package dev.rollgate.gateway.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.catalog.DiffPackage;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.resolve.Resolution;

/**
 * One package version a client should run, with what it needs to fetch and verify it.
 *
 * @param taskId        the release task that chose this version, for the device's outcome reports; absent for
 *                      a baseline version
 * @param contentSha256 the digest of the unpacked files, which a device that applied the diff checks
 * @param signature     the package's Ed25519 signature, which an SDK given the app's key verifies
 * @param diff          a smaller package from the version the client has in use, when one exists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientPackage(String packageId, String version, ReleaseType releaseType, String downloadUrl,
                            String sha256, long sizeBytes, String mainUrl, String fallbackBaseUrl, String taskId,
                            String contentSha256, String signature, DiffPackage diff) {

    static ClientPackage of(Resolution r, DiffPackage diff) {
        return new ClientPackage(r.packageId(), r.version(), r.releaseType(), r.artifact().downloadUrl(),
                r.artifact().sha256(), r.artifact().sizeBytes(), r.artifact().mainUrl(),
                r.artifact().fallbackBaseUrl(), r.taskId(), r.artifact().contentSha256(), r.artifact().signature(),
                diff);
    }

    /** The diff worth offering a client that has {@code installed} in use: one that exists and is smaller. */
    static DiffPackage diffFor(Resolution r, Version installed) {
        if (installed == null) {
            return null;
        }
        DiffPackage diff = r.artifact().diffFrom(installed);
        return diff != null && diff.sizeBytes() < r.artifact().sizeBytes() ? diff : null;
    }
}
