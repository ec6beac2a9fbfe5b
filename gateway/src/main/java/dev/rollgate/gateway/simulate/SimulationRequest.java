package dev.rollgate.gateway.simulate;

import dev.rollgate.gateway.client.ClientContextParser;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client context to simulate: the client API's query as JSON, custom attributes in {@code attributes},
 * and optionally the moment to evaluate at ({@code at}, default now), to ask how a window will look.
 */
public record SimulationRequest(String platform, String clientVersion, String userId, String deviceId, String city,
                                String model, String network, String osVersion, Map<String, String> attributes,
                                List<String> packageIds, Instant at) {

    /** The same names the client API reads, so that both go through one parser. */
    Map<String, String> asQuery() {
        Map<String, String> query = new HashMap<>();
        put(query, "platform", platform);
        put(query, "clientVersion", clientVersion);
        put(query, "userId", userId);
        put(query, "deviceId", deviceId);
        put(query, "city", city);
        put(query, "model", model);
        put(query, "network", network);
        put(query, "osVersion", osVersion);
        if (attributes != null) {
            attributes.forEach((name, value) -> put(query, ClientContextParser.ATTRIBUTE_PREFIX + name, value));
        }
        if (packageIds != null && !packageIds.isEmpty()) {
            query.put("packageIds", String.join(",", packageIds));
        }
        return query;
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }
}
