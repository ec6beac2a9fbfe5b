package dev.rollgate.contracts.redis;

import dev.rollgate.contracts.release.Platform;

/**
 * The Redis key layout. Everything under {@link #DERIVED_PREFIX} is derived from the event topic:
 * targeting-service owns it ({@link DerivedKeys}), and a rebuild replays the topic into keys beside it and
 * then switches them in. Time-window claims sit under {@link #CLAIMS_PREFIX} instead because no event
 * records them: the gateway owns them and a rebuild must not hand out a task's slots a second time.
 */
public final class RedisKeys {

    public static final String DERIVED_PREFIX = "rollgate:";
    public static final String CLAIMS_PREFIX = "rollgate-claims:";

    /** A set of every registered appKey: a gateway answers 404 for the others. */
    public static final String KNOWN_APPS = DERIVED_PREFIX + "apps";

    /** A hash from {@link #segment} to the revision of that segment's ruleset, for cheap staleness checks. */
    public static final String REVISIONS = DERIVED_PREFIX + "revisions";

    /** Pub/sub channel; each message is a {@link #segment} whose ruleset just changed. */
    public static final String SEGMENT_CHANGED_CHANNEL = DERIVED_PREFIX + "segment-changed";

    private RedisKeys() {
    }

    /** A segment's name in {@link #REVISIONS} and on {@link #SEGMENT_CHANGED_CHANNEL}: {@code appKey:PLATFORM}. */
    public static String segment(String appKey, Platform platform) {
        return appKey + ":" + platform.name();
    }

    /** A string: the segment's ruleset as JSON. */
    public static String ruleset(String appKey, Platform platform) {
        return DerivedKeys.LIVE.ruleset(appKey, platform);
    }

    /** A set: the member ids of one whitelist. */
    public static String whitelistMembers(String appKey, String whitelistId) {
        return DerivedKeys.LIVE.whitelistMembers(appKey, whitelistId);
    }

    /**
     * A set: the client identities the same clients sent too (a user id beside the device id that holds a slot),
     * so that a client asking under another of its ids takes no second slot.
     */
    public static String timeWindowLinkedIds(String appKey, String taskId) {
        return timeWindowClaims(appKey, taskId) + ":linked";
    }

    /** A set: the client identities that hold one of a time-window task's slots. */
    public static String timeWindowClaims(String appKey, String taskId) {
        return CLAIMS_PREFIX + appKey + ":" + taskId;
    }
}
