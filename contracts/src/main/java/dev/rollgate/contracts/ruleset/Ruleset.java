package dev.rollgate.contracts.ruleset;

import dev.rollgate.contracts.release.Platform;

import java.util.List;

/**
 * Everything the gateway needs to answer every client of one segment (one app on one platform),
 * compiled by targeting-service and stored in Redis under {@code RedisKeys.ruleset}.
 *
 * @param formatVersion lets a gateway refuse a ruleset written by a newer targeting-service
 * @param revision      the Kafka offset of the last event that changed this segment's tasks or the members
 *                      of a whitelist they name: deterministic, so a rebuild from the topic gives the same
 *                      number
 * @param packages      sorted by packageId
 */
public record Ruleset(int formatVersion, String appKey, Platform platform, long revision, List<PackageRules> packages) {

    /** The format this code writes and the newest it can read. */
    public static final int FORMAT_VERSION = 1;

    public static Ruleset empty(String appKey, Platform platform) {
        return new Ruleset(FORMAT_VERSION, appKey, platform, 0, List.of());
    }
}
