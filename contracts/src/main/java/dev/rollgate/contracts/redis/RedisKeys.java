package dev.rollgate.contracts.redis;

import dev.rollgate.contracts.release.Platform;

/**
 * The Redis key layout, one for a single server, Sentinel and Redis Cluster alike. Everything under
 * {@link #DERIVED_PREFIX} is derived from the event topic: targeting-service owns it ({@link DerivedKeys}), and
 * a rebuild replays the topic into keys beside it and then switches them in. Time-window claims sit under
 * {@link #CLAIMS_PREFIX} instead because no event records them: the gateway owns them and a rebuild must not
 * hand out a task's slots a second time.
 *
 * <p>On a cluster, a transaction, a WATCH, a RENAME and a script reach the keys of one hash slot only. A batch
 * of targeting-service writes several apps and the global keys together, and a rebuild switches every derived
 * key in at once, so all derived keys carry one hash tag ({@link #DERIVED_SLOT}). A time-window task's claims
 * carry a tag of their own, shared with their linked ids for the claim script: claims grow with traffic and
 * cannot be rebuilt, so they spread over the masters.
 */
public final class RedisKeys {

    /** The hash tag of every derived key, live and rebuilding, and of targeting-service's live offsets. */
    public static final String DERIVED_SLOT = "{derived}";
    public static final String DERIVED_PREFIX = "rollgate:" + DERIVED_SLOT + ":";
    public static final String CLAIMS_PREFIX = "rollgate-claims:";

    /** A set of every registered appKey: a gateway answers 404 for the others. */
    public static final String KNOWN_APPS = DERIVED_PREFIX + "apps";

    /** A hash from {@link #segment} to the revision of that segment's ruleset, for cheap staleness checks. */
    public static final String REVISIONS = DERIVED_PREFIX + "revisions";

    /**
     * Pub/sub channel; each message is a {@link #segment} whose ruleset just changed. A channel is no key: a
     * cluster hands a message published on any node to the subscribers of every node.
     */
    public static final String SEGMENT_CHANGED_CHANNEL = "rollgate:segment-changed";

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
     * so that a client asking under another of its ids takes no second slot. In the hash slot of
     * {@link #timeWindowClaims}.
     */
    public static String timeWindowLinkedIds(String appKey, String taskId) {
        return timeWindowClaims(appKey, taskId) + ":linked";
    }

    /** A set: the client identities that hold one of a time-window task's slots; the task is its hash tag. */
    public static String timeWindowClaims(String appKey, String taskId) {
        return CLAIMS_PREFIX + "{" + appKey + ":" + taskId + "}";
    }
}
