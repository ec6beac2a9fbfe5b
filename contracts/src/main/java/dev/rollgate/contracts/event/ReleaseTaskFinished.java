package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;

/** An official release ends; its version becomes the baseline. */
public record ReleaseTaskFinished(String taskId, String packageId, String version, Platform platform, ReleaseType releaseType)
        implements EventData, ReleaseTaskEvent {

    public ReleaseTaskFinished {
        EventFields.task(taskId, packageId, version, platform, releaseType);
    }
}
