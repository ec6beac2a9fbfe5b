package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;

/** A grayscale task becomes official: every matching client gets the version. */
public record ReleaseTaskPromoted(String taskId, String packageId, String version, Platform platform, ReleaseType releaseType)
        implements EventData, ReleaseTaskEvent {

    public ReleaseTaskPromoted {
        EventFields.task(taskId, packageId, version, platform, releaseType);
    }
}
