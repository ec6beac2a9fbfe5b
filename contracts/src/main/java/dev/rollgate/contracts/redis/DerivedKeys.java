package dev.rollgate.contracts.redis;

import dev.rollgate.contracts.release.Platform;

/**
 * The keys derived from the event topic, under one prefix: the live ones that gateways read
 * ({@link #LIVE}), or the ones a rebuild fills beside them ({@link #REBUILD}) and then switches in, so that
 * clients never see a half-rebuilt state. Both prefixes carry {@link RedisKeys#DERIVED_SLOT}: on a cluster the
 * switch renames a rebuilt key over its live one, which Redis does within one hash slot only.
 */
public record DerivedKeys(String prefix) {

    public static final DerivedKeys LIVE = new DerivedKeys(RedisKeys.DERIVED_PREFIX);
    public static final DerivedKeys REBUILD = new DerivedKeys("rollgate-rebuild:" + RedisKeys.DERIVED_SLOT + ":");

    /**
     * A string written with every batch: while targeting-service runs, its absence means Redis lost what it
     * held (a restart without persistence, a flush), and a rebuild follows.
     */
    public String state() {
        return prefix + "state";
    }

    /** A set of every registered appKey: a gateway answers 404 for the others. */
    public String knownApps() {
        return prefix + "apps";
    }

    /** A hash from {@link RedisKeys#segment} to the revision of that segment's ruleset. */
    public String revisions() {
        return prefix + "revisions";
    }

    /** A string: the segment's ruleset as JSON. */
    public String ruleset(String appKey, Platform platform) {
        return prefix + "ruleset:" + RedisKeys.segment(appKey, platform);
    }

    /** A hash from streamId to the last streamVersion applied, written atomically with what it guards. */
    public String appliedVersions(String appKey) {
        return prefix + "applied:" + appKey;
    }

    /** A hash from whitelistId to its id type ({@code USER_ID} or {@code DEVICE_ID}). */
    public String whitelistTypes(String appKey) {
        return prefix + "whitelist-types:" + appKey;
    }

    /** A set: the member ids of one whitelist. */
    public String whitelistMembers(String appKey, String whitelistId) {
        return prefix + "whitelist:" + appKey + ":" + whitelistId;
    }

    /** The key of {@code layout} that this layout's {@code key} stands for. */
    public String as(DerivedKeys layout, String key) {
        if (!key.startsWith(prefix)) {
            throw new IllegalArgumentException(key + " is not a key under " + prefix);
        }
        return layout.prefix + key.substring(prefix.length());
    }
}
