package dev.rollgate.contracts.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;

/**
 * No new client gets the version; clients that have it keep it.
 *
 * @param reason why, when it was not an operator's choice (the safeguard's figures), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReleaseTaskPaused(String taskId, String packageId, String version, Platform platform, ReleaseType releaseType,
                                String reason) implements EventData, ReleaseTaskEvent {

    public ReleaseTaskPaused {
        EventFields.task(taskId, packageId, version, platform, releaseType);
    }

    public ReleaseTaskPaused(String taskId, String packageId, String version, Platform platform, ReleaseType releaseType) {
        this(taskId, packageId, version, platform, releaseType, null);
    }

    public ReleaseTaskPaused withReason(String why) {
        return new ReleaseTaskPaused(taskId, packageId, version, platform, releaseType, why);
    }
}
