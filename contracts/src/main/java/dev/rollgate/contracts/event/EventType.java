package dev.rollgate.contracts.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type with its name on the wire and its payload record. */
public enum EventType {
    APP_REGISTERED("AppRegistered", AppRegistered.class),
    RELEASE_TASK_CREATED("ReleaseTaskCreated", ReleaseTaskCreated.class),
    RELEASE_TASK_PAUSED("ReleaseTaskPaused", ReleaseTaskPaused.class),
    RELEASE_TASK_RESUMED("ReleaseTaskResumed", ReleaseTaskResumed.class),
    RELEASE_TASK_PROMOTED("ReleaseTaskPromoted", ReleaseTaskPromoted.class),
    RELEASE_TASK_FINISHED("ReleaseTaskFinished", ReleaseTaskFinished.class),
    RELEASE_TASK_CANCELLED("ReleaseTaskCancelled", ReleaseTaskCancelled.class),
    WHITELIST_CREATED("WhitelistCreated", WhitelistCreated.class),
    WHITELIST_MEMBERS_ADDED("WhitelistMembersAdded", WhitelistMembersAdded.class),
    WHITELIST_MEMBERS_REMOVED("WhitelistMembersRemoved", WhitelistMembersRemoved.class),
    WHITELIST_DELETED("WhitelistDeleted", WhitelistDeleted.class);

    /** The payload schema this code writes and the newest it can read. */
    public static final int SCHEMA_VERSION = 1;

    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<? extends EventData>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String wireName;
    private final Class<? extends EventData> dataClass;

    EventType(String wireName, Class<? extends EventData> dataClass) {
        this.wireName = wireName;
        this.dataClass = dataClass;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventData> dataClass() {
        return dataClass;
    }

    public static Optional<EventType> named(String wireName) {
        return Optional.ofNullable(BY_NAME.get(wireName));
    }

    public static EventType of(EventData data) {
        return BY_CLASS.get(data.getClass());
    }
}
