package dev.rollgate.security;

import java.util.Set;

/**
 * Who is calling, as their verified token says.
 *
 * @param apps the appKeys the token may touch; {@code *} for every app
 */
public record Caller(String subject, Set<Role> roles, Set<String> apps) {

    public static final String ALL_APPS = "*";

    public boolean mayTouch(String appKey) {
        return apps.contains(ALL_APPS) || apps.contains(appKey);
    }

    public boolean has(Role least) {
        return roles.stream().anyMatch(role -> role.compareTo(least) >= 0);
    }
}
