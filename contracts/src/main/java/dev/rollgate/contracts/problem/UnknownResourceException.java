package dev.rollgate.contracts.problem;

import java.util.List;

/** Something a request names that does not exist (404). */
public final class UnknownResourceException extends ProblemException {

    public UnknownResourceException(String detail) {
        super(404, "Not Found", detail, List.of(), null);
    }

    public static UnknownResourceException app(String appKey) {
        return new UnknownResourceException("app '" + appKey + "' does not exist");
    }

    public static UnknownResourceException pkg(String appKey, String packageId) {
        return new UnknownResourceException("package " + packageId + " does not exist in app '" + appKey + "'");
    }

    public static UnknownResourceException version(String packageId, String version, Object platform) {
        return new UnknownResourceException("version " + version + " of package " + packageId + " on " + platform
                + " does not exist");
    }
}
