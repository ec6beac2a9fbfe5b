package dev.rollgate.contracts.release;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything a client needs to fetch and check one package version, and the client versions it fits.
 * Carried in {@code ReleaseTaskCreated} so that no consumer has to call package-service back.
 *
 * @param clientVersionMax null when the version fits every client from {@code clientVersionMin} up
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionArtifact(
        String downloadUrl,
        String sha256,
        long sizeBytes,
        String mainUrl,
        String fallbackBaseUrl,
        String clientVersionMin,
        String clientVersionMax) {
}
