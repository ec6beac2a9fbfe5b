package dev.rollgate.contracts.event;

/** The payload of an event; each record is one event type (see {@link EventType}). */
public sealed interface EventData permits AppRegistered,
        ReleaseTaskCreated, ReleaseTaskPaused, ReleaseTaskResumed, ReleaseTaskPromoted,
        ReleaseTaskFinished, ReleaseTaskCancelled,
        WhitelistCreated, WhitelistMembersAdded, WhitelistMembersRemoved, WhitelistDeleted {
}
