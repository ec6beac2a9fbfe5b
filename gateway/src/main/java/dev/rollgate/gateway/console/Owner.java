package dev.rollgate.gateway.console;

/** Who answers a console path. */
public enum Owner {
    PACKAGE_SERVICE("package-service"),
    RELEASE_SERVICE("release-service"),
    /** Served by the gateway itself (simulation). */
    GATEWAY("gateway"),
    /** No such console path. */
    NONE("none");

    private final String serviceName;

    Owner(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The owner of a normalized path under {@code /api/v1}. */
    public static Owner of(String path) {
        if (!path.startsWith("/api/v1/apps")) {
            return NONE;
        }
        String rest = path.substring("/api/v1/apps".length());
        if (rest.isEmpty() || rest.equals("/")) {
            return PACKAGE_SERVICE;
        }
        if (rest.charAt(0) != '/') {
            return NONE;
        }
        int slash = rest.indexOf('/', 1);
        if (slash < 0) {
            return PACKAGE_SERVICE;
        }
        String section = rest.substring(slash + 1);
        int end = section.indexOf('/');
        String first = end < 0 ? section : section.substring(0, end);
        return switch (first) {
            case "packages", "signing-key" -> PACKAGE_SERVICE;
            case "release-tasks", "whitelists" -> RELEASE_SERVICE;
            case "simulate" -> end < 0 ? GATEWAY : NONE;
            default -> NONE;
        };
    }
}
