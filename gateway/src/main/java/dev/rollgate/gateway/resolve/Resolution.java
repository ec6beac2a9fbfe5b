package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;

import java.util.Objects;

/**
 * The version one package resolves to for one client.
 *
 * @param taskId the task that chose it, or null for the baseline
 */
public record Resolution(String packageId, String version, ReleaseType releaseType, VersionArtifact artifact,
                         String taskId) {

    /**
     * From the fields that tell resolutions apart, whose hashes the strings keep: each request's answer is
     * looked up by its list of resolutions, and hashing every artifact field of 50 packages costs more.
     */
    @Override
    public int hashCode() {
        return (31 * packageId.hashCode() + version.hashCode()) * 31 + Objects.hashCode(taskId);
    }
}
