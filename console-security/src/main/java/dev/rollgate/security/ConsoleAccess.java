package dev.rollgate.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may do what on the console API (api.md): a viewer reads, a releaser also writes packages, versions,
 * tasks and whitelists, an admin also registers apps, sets their signing keys and runs operations; and nobody
 * touches an app their token does not name. Simulation is a read. Pure, so that every rule is tested without a server.
 */
public final class ConsoleAccess {

    private static final Pattern APP_PATH = Pattern.compile("^/api/v1/apps/([^/]+)(/.*)?$");

    private ConsoleAccess() {
    }

    /** Whether a path needs a token at all: the console API and operations do; the client API and health do not. */
    public static boolean guards(String path) {
        return path.startsWith("/api/") || path.startsWith("/admin/") || path.equals("/admin");
    }

    public static Verdict decide(String method, String path, Caller caller) {
        if (caller.roles().isEmpty()) {
            return Verdict.forbid("the token names none of the roles admin, releaser, viewer");
        }
        if (!path.startsWith("/api/")) {
            return caller.has(Role.ADMIN) ? Verdict.ALLOW : Verdict.forbid("operations need the admin role");
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        Matcher app = APP_PATH.matcher(path);
        if (!app.matches()) {
            // The app list, filtered by the token's apps; or registering an app.
            return read || caller.has(Role.ADMIN) ? Verdict.ALLOW
                    : Verdict.forbid("registering an app needs the admin role");
        }
        String appKey = app.group(1);
        if (!caller.mayTouch(appKey)) {
            return Verdict.forbid("the token does not name the app '" + shortened(appKey) + "'");
        }
        if ("/signing-key".equals(app.group(2)) && !read) {
            // The key every device trusts: replacing it is an administrator's decision, not a release's.
            return caller.has(Role.ADMIN) ? Verdict.ALLOW
                    : Verdict.forbid("setting an app's signing key needs the admin role");
        }
        boolean simulation = "/simulate".equals(app.group(2)) && method.equals("POST");
        if (read || simulation || caller.has(Role.RELEASER)) {
            return Verdict.ALLOW;
        }
        return Verdict.forbid("changing an app needs the releaser or admin role");
    }

    private static String shortened(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
