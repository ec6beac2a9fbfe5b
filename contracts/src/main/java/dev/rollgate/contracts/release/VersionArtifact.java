package dev.rollgate.contracts.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.catalog.DiffPackage;
import dev.rollgate.contracts.version.Version;

import java.util.List;

/**
 * Everything a client needs to fetch and check one package version, and the client versions it fits.
 * Carried in {@code ReleaseTaskCreated} so that no consumer has to call package-service back.
 *
 * @param clientVersionMax null when the version fits every client from {@code clientVersionMin} up
 * @param contentSha256    the digest of the unpacked files (uploaded versions only), which a device that
 *                         applied a diff checks
 * @param signature        the package's Ed25519 signature (base64), checked by SDKs given the app's key
 * @param diffs            smaller packages from earlier versions; empty when none exist
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionArtifact(
        String downloadUrl,
        String sha256,
        long sizeBytes,
        String mainUrl,
        String fallbackBaseUrl,
        String clientVersionMin,
        String clientVersionMax,
        String contentSha256,
        String signature,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DiffPackage> diffs) {

    public VersionArtifact {
        diffs = diffs == null ? List.of() : List.copyOf(diffs);
    }

    /** An artifact without signature or diffs: an external file registered before signing existed. */
    public VersionArtifact(String downloadUrl, String sha256, long sizeBytes, String mainUrl, String fallbackBaseUrl,
                           String clientVersionMin, String clientVersionMax) {
        this(downloadUrl, sha256, sizeBytes, mainUrl, fallbackBaseUrl, clientVersionMin, clientVersionMax, null, null,
                List.of());
    }

    /** The diff from {@code installed} (any equal spelling: 1.0 is 1.0.0) to this version, or null when none. */
    public DiffPackage diffFrom(Version installed) {
        for (DiffPackage diff : diffs) {
            if (installed.equals(Version.parseOrNull(diff.fromVersion()))) {
                return diff;
            }
        }
        return null;
    }
}
