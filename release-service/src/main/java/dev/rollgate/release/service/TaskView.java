package dev.rollgate.release.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.contracts.release.TaskState;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.release.persistence.Json;
import dev.rollgate.release.persistence.ReleaseTaskView;

import java.time.Instant;
import java.util.List;

/** A release task as the API answers it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(
        String taskId,
        String appKey,
        String packageId,
        String version,
        Platform platform,
        ReleaseType releaseType,
        TaskState state,
        GrayscaleSpec grayscale,
        List<AdvancedRule> rules,
        String description,
        String batchId,
        VersionArtifact artifact,
        long streamVersion,
        Instant createdAt,
        Instant updatedAt,
        String createdBy,
        String updatedBy,
        Safeguard safeguard) {

    static TaskView of(ReleaseTaskView view) {
        return new TaskView(view.taskId, view.appKey, view.packageId, view.version, view.platform, view.releaseType,
                view.state, Json.read(view.grayscale, new TypeReference<GrayscaleSpec>() { }),
                Json.read(view.rules, new TypeReference<List<AdvancedRule>>() { }), view.description, view.batchId,
                Json.read(view.artifact, new TypeReference<VersionArtifact>() { }), view.streamVersion,
                view.createdAt, view.updatedAt, view.createdBy, view.updatedBy,
                view.safeguard == null ? null : Json.read(view.safeguard, new TypeReference<Safeguard>() { }));
    }
}
