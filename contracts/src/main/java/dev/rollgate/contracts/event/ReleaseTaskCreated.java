package dev.rollgate.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.contracts.release.VersionArtifact;

import java.util.List;

/**
 * A task starts releasing: the whole task, with the version's artifact, so that no consumer calls back.
 *
 * @param batchId the batch this task was created in, or null for a single release
 * @param safeguard when the task pauses by itself on failure reports, or null for never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseTaskCreated(
        String taskId,
        String packageId,
        String version,
        Platform platform,
        ReleaseType releaseType,
        GrayscaleSpec grayscale,
        List<AdvancedRule> rules,
        String description,
        String batchId,
        VersionArtifact artifact,
        Safeguard safeguard) implements EventData, ReleaseTaskEvent {

    public ReleaseTaskCreated {
        EventFields.task(taskId, packageId, version, platform, releaseType);
        EventFields.present(artifact, "artifact");
        EventFields.audience(releaseType, grayscale);
        EventFields.rules(rules);
    }

    /** A task without a safeguard (every task created before safeguards existed reads as one). */
    public ReleaseTaskCreated(String taskId, String packageId, String version, Platform platform,
                              ReleaseType releaseType, GrayscaleSpec grayscale, List<AdvancedRule> rules,
                              String description, String batchId, VersionArtifact artifact) {
        this(taskId, packageId, version, platform, releaseType, grayscale, rules, description, batchId, artifact, null);
    }
}
