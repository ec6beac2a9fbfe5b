package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;

/**
 * The version one package resolves to for one client.
 *
 * @param taskId the task that chose it, or null for the baseline
 */
public record Resolution(String packageId, String version, ReleaseType releaseType, VersionArtifact artifact,
                         String taskId) {
}
