package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.version.Version;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client asking which versions to run: who it is and what it says of itself.
 *
 * @param attributes  custom attributes by name ({@code attr.channel=beta} arrives as {@code channel})
 * @param packageIds  the packages it asks about; empty for every package
 */
public record ClientContext(
        Platform platform,
        Version clientVersion,
        String userId,
        String deviceId,
        String city,
        String model,
        String network,
        String osVersion,
        Map<String, String> attributes,
        Set<String> packageIds,
        Instant now) {

    /** The custom attribute a DATE rule compares when the client does not send it. */
    public static final String CURRENT_TIME = "currentTime";

    /** The value a rule reads, or null when the client did not send it. */
    public String attribute(RuleType type, String name) {
        return switch (type) {
            case CITY -> city;
            case MODEL -> model;
            case NETWORK -> network;
            case OS_VERSION -> osVersion;
            case CUSTOM -> {
                String value = attributes.get(name);
                yield value == null && CURRENT_TIME.equals(name) ? now.toString() : value;
            }
        };
    }

    /** Who holds a time-window slot: the userId, else the deviceId, else nobody. */
    public String identity() {
        if (userId != null) {
            return "u:" + userId;
        }
        return deviceId != null ? "d:" + deviceId : null;
    }

    /**
     * Every id the client sent, the one {@link #identity()} names first: a slot claimed under one of them is
     * found under the others, so one client never takes two slots.
     */
    public List<String> identities() {
        if (userId == null) {
            return deviceId == null ? List.of() : List.of("d:" + deviceId);
        }
        return deviceId == null ? List.of("u:" + userId) : List.of("u:" + userId, "d:" + deviceId);
    }

    public boolean wants(String packageId) {
        return packageIds.isEmpty() || packageIds.contains(packageId);
    }
}
