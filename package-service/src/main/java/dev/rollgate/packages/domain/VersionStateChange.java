package dev.rollgate.packages.domain;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskEvent;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionState;

import java.util.Optional;

/** How a release event moves the state of the version its task releases (architecture.md, "States"). */
public record VersionStateChange(ReleaseTaskEvent task, VersionState newState) {

    /** @return the change an event makes, or empty for events that move no version (whitelists, apps) */
    public static Optional<VersionStateChange> of(EventData event) {
        VersionState state = switch (event) {
            case ReleaseTaskCreated created -> releasing(created.releaseType());
            case ReleaseTaskPaused paused -> VersionState.PAUSED;
            case ReleaseTaskResumed resumed -> releasing(resumed.releaseType());
            case ReleaseTaskPromoted promoted -> VersionState.OFFICIAL_RELEASING;
            case ReleaseTaskFinished finished -> VersionState.FINISHED_RELEASE;
            case ReleaseTaskCancelled cancelled -> VersionState.CANCELLED;
            case AppRegistered registered -> null;
            case WhitelistCreated created -> null;
            case WhitelistMembersAdded added -> null;
            case WhitelistMembersRemoved removed -> null;
            case WhitelistDeleted deleted -> null;
        };
        return state == null ? Optional.empty() : Optional.of(new VersionStateChange((ReleaseTaskEvent) event, state));
    }

    private static VersionState releasing(ReleaseType type) {
        return type == ReleaseType.OFFICIAL ? VersionState.OFFICIAL_RELEASING : VersionState.GRAYSCALE_RELEASING;
    }
}
