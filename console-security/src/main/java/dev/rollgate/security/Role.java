package dev.rollgate.security;

import java.util.Locale;
import java.util.Optional;

/** The console roles a token's {@code groups} may name; anything else in {@code groups} is ignored. */
public enum Role {
    /** Reads everything of its apps. */
    VIEWER,
    /** Also writes packages, versions, release tasks and whitelists. */
    RELEASER,
    /** Also registers apps and runs operations. */
    ADMIN;

    public static Optional<Role> named(String group) {
        return switch (group == null ? "" : group) {
            case "viewer" -> Optional.of(VIEWER);
            case "releaser" -> Optional.of(RELEASER);
            case "admin" -> Optional.of(ADMIN);
            default -> Optional.empty();
        };
    }

    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }
}
