package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.Platform;

/** One app on one platform: every client of it reads one ruleset. */
public record Segment(String appKey, Platform platform) {

    public String name() {
        return RedisKeys.segment(appKey, platform);
    }
}
