package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;

/** The release is withdrawn: clients fall back to the baseline. */
public record ReleaseTaskCancelled(String taskId, String packageId, String version, Platform platform, ReleaseType releaseType)
        implements EventData, ReleaseTaskEvent {

    public ReleaseTaskCancelled {
        EventFields.task(taskId, packageId, version, platform, releaseType);
    }
}
