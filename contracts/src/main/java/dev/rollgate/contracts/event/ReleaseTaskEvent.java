package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;

/**
 * What every release-task event says about its task, so that a consumer can move a version's state or
 * find the task's segment without keeping state of its own. {@code releaseType} is the task's type
 * after the event ({@code OFFICIAL} after a promotion).
 */
public sealed interface ReleaseTaskEvent permits ReleaseTaskCreated, ReleaseTaskPaused, ReleaseTaskResumed,
        ReleaseTaskPromoted, ReleaseTaskFinished, ReleaseTaskCancelled {

    String taskId();

    String packageId();

    String version();

    Platform platform();

    ReleaseType releaseType();
}
