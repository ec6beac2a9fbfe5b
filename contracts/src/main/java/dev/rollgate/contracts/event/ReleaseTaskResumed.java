package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;

/** A paused task serves again. */
public record ReleaseTaskResumed(String taskId, String packageId, String version, Platform platform, ReleaseType releaseType)
        implements EventData, ReleaseTaskEvent {

    public ReleaseTaskResumed {
        EventFields.task(taskId, packageId, version, platform, releaseType);
    }
}
