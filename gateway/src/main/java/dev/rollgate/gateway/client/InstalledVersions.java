package dev.rollgate.gateway.client;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.version.Version;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client API's {@code installed=<packageId>:<version>,…}: what the device has in use, so that the answer
 * can offer a diff from it. Bounded like the other parameters; a broken pair is refused, not skipped, so an
 * SDK that sends nonsense learns it at once.
 */
final class InstalledVersions {

    static final String PARAMETER = "installed";
    private static final int MAX_PAIRS = 500;
    private static final int MAX_VERSION = 128;

    private InstalledVersions() {
    }

    /** @return the version in use by package id; empty when the parameter is absent */
    static Map<String, Version> parse(String value) {
        if (value == null || value.isEmpty()) {
            return Map.of();
        }
        String[] pairs = value.split(",", MAX_PAIRS + 1);
        if (pairs.length > MAX_PAIRS) {
            throw refused("at most " + MAX_PAIRS + " packageId:version pairs");
        }
        Map<String, Version> installed = new HashMap<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            String packageId = colon < 0 ? pair : pair.substring(0, colon).strip();
            String version = colon < 0 ? "" : pair.substring(colon + 1).strip();
            Version parsed = version.length() > MAX_VERSION ? null : Version.parseOrNull(version);
            if (!IdPatterns.isPackageId(packageId) || parsed == null) {
                throw refused("must be packageId:version pairs separated by commas, such as 20000001:1.0.2");
            }
            installed.put(packageId, parsed);
        }
        return installed;
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException(ClientContextParser.INVALID, List.of(new FieldError(PARAMETER, message)));
    }
}
