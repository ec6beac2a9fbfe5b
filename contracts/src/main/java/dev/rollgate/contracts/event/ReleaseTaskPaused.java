package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;

/** No new client gets the version; clients that have it keep it. */
public record ReleaseTaskPaused(String taskId, String packageId, String version, Platform platform, ReleaseType releaseType)
        implements EventData, ReleaseTaskEvent {

    public ReleaseTaskPaused {
        EventFields.task(taskId, packageId, version, platform, releaseType);
    }
}
