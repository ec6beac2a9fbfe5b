package dev.rollgate.contracts.redis;

import dev.rollgate.contracts.release.Platform;

/**
 * The Redis key layout. Everything under {@link #DERIVED_PREFIX} is derived from the event topic:
 * targeting-service owns it, and a rebuild deletes it and replays the topic. Time-window claims sit
 * under {@link #CLAIMS_PREFIX} instead because no event records them: the gateway owns them and a
 * rebuild must not hand out a task's slots a second time.
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
        return DERIVED_PREFIX + "ruleset:" + segment(appKey, platform);
    }

    /** A hash from streamId to the last streamVersion applied, written atomically with what it guards. */
    public static String appliedVersions(String appKey) {
        return DERIVED_PREFIX + "applied:" + appKey;
    }

    /** A hash from whitelistId to its id type ({@code USER_ID} or {@code DEVICE_ID}). */
    public static String whitelistTypes(String appKey) {
        return DERIVED_PREFIX + "whitelist-types:" + appKey;
    }

    /** A set: the member ids of one whitelist. */
    public static String whitelistMembers(String appKey, String whitelistId) {
        return DERIVED_PREFIX + "whitelist:" + appKey + ":" + whitelistId;
    }

    /** A set: the client identities that hold one of a time-window task's slots. */
    public static String timeWindowClaims(String appKey, String taskId) {
        return CLAIMS_PREFIX + appKey + ":" + taskId;
    }
}
