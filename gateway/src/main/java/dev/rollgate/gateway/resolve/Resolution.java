package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;

import java.util.Objects;

/**
 * The version one package resolves to for one client. Built once per segment, for each task and finished
 * version, and shared by every request that resolves to it.
 */
public final class Resolution {

    private final String packageId;
    private final String version;
    private final ReleaseType releaseType;
    private final VersionArtifact artifact;
    private final String taskId;
    /**
     * Kept, not computed: each request's answer is looked up by its list of resolutions (EncodedAnswers), and
     * hashing the fields of 50 packages on every request showed in profiles. From the fields that tell
     * resolutions apart; equal resolutions have equal artifacts.
     */
    private final int hash;

    /** @param taskId the task that chose it, or null for the baseline */
    public Resolution(String packageId, String version, ReleaseType releaseType, VersionArtifact artifact,
                      String taskId) {
        this.packageId = packageId;
        this.version = version;
        this.releaseType = releaseType;
        this.artifact = artifact;
        this.taskId = taskId;
        this.hash = (31 * packageId.hashCode() + version.hashCode()) * 31 + Objects.hashCode(taskId);
    }

    public String packageId() {
        return packageId;
    }

    public String version() {
        return version;
    }

    public ReleaseType releaseType() {
        return releaseType;
    }

    public VersionArtifact artifact() {
        return artifact;
    }

    /** The task that chose it, or null for the baseline. */
    public String taskId() {
        return taskId;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Resolution that && hash == that.hash
                && packageId.equals(that.packageId) && version.equals(that.version)
                && releaseType == that.releaseType && Objects.equals(taskId, that.taskId)
                && Objects.equals(artifact, that.artifact);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Resolution[" + packageId + "=" + version + ", " + releaseType + ", task " + taskId + "]";
    }
}
