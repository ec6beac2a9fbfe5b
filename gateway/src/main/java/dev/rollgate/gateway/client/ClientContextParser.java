package dev.rollgate.gateway.client;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.resolve.ClientContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the client API's query parameters (the simulation sends the same names) into a
 * {@link ClientContext}, or refuses them naming every bad field. Bounds keep a hostile client from making
 * the evaluator work on megabytes.
 */
public final class ClientContextParser {

    /** The detail of a refused client query or simulation context; each field says what is wrong. */
    public static final String INVALID = "the client context has invalid fields";

    public static final String ATTRIBUTE_PREFIX = "attr.";
    private static final int MAX_ID = 128;
    private static final int MAX_VALUE = 256;
    private static final int MAX_ATTRIBUTES = 50;
    private static final int MAX_PACKAGE_IDS = 500;

    private ClientContextParser() {
    }

    /** @param params each parameter's first value; custom attributes as {@code attr.<name>} */
    public static ClientContext parse(Map<String, String> params, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Platform platform = platform(params.get("platform"), errors);
        Version clientVersion = clientVersion(params.get("clientVersion"), errors);
        String userId = bounded("userId", params.get("userId"), MAX_ID, errors);
        String deviceId = bounded("deviceId", params.get("deviceId"), MAX_ID, errors);
        String city = bounded("city", params.get("city"), MAX_VALUE, errors);
        String model = bounded("model", params.get("model"), MAX_VALUE, errors);
        String network = bounded("network", params.get("network"), MAX_VALUE, errors);
        String osVersion = bounded("osVersion", params.get("osVersion"), MAX_VALUE, errors);
        Map<String, String> attributes = attributes(params, errors);
        Set<String> packageIds = packageIds(params.get("packageIds"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(INVALID, errors);
        }
        return new ClientContext(platform, clientVersion, userId, deviceId, city, model, network, osVersion,
                attributes, packageIds, now);
    }

    private static Platform platform(String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError("platform", "is required: ANDROID or IOS"));
            return null;
        }
        return switch (value) {
            case "ANDROID" -> Platform.ANDROID;
            case "IOS" -> Platform.IOS;
            default -> {
                errors.add(new FieldError("platform", "must be ANDROID or IOS"));
                yield null;
            }
        };
    }

    private static Version clientVersion(String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError("clientVersion", "is required, such as 10.2.0"));
            return null;
        }
        Version version = Version.parseOrNull(value);
        if (version == null) {
            errors.add(new FieldError("clientVersion", "must be a dotted numeric version such as 10.2.0"));
        }
        return version;
    }

    private static String bounded(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value;
    }

    private static Map<String, String> attributes(Map<String, String> params, List<FieldError> errors) {
        Map<String, String> attributes = new HashMap<>();
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!param.getKey().startsWith(ATTRIBUTE_PREFIX)) {
                continue;
            }
            String name = param.getKey().substring(ATTRIBUTE_PREFIX.length());
            if (!IdPatterns.isAttribute(name)) {
                errors.add(new FieldError(limit(param.getKey()), "an attribute name must match " + IdPatterns.ATTRIBUTE));
            } else if (attributes.size() == MAX_ATTRIBUTES) {
                errors.add(new FieldError("attr", "at most " + MAX_ATTRIBUTES + " attributes"));
                break;
            } else {
                String value = bounded(param.getKey(), param.getValue(), MAX_VALUE, errors);
                if (value != null) {
                    attributes.put(name, value);
                }
            }
        }
        return attributes;
    }

    private static Set<String> packageIds(String value, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : value.split(",", MAX_PACKAGE_IDS + 1)) {
            String trimmed = id.strip();
            if (ids.size() == MAX_PACKAGE_IDS) {
                errors.add(new FieldError("packageIds", "at most " + MAX_PACKAGE_IDS + " package ids"));
                break;
            }
            if (!IdPatterns.isPackageId(trimmed)) {
                errors.add(new FieldError("packageIds", "must be 8-digit package ids separated by commas"));
                break;
            }
            ids.add(trimmed);
        }
        return Set.copyOf(ids);
    }

    private static String limit(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
