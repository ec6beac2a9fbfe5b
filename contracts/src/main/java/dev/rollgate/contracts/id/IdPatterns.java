package dev.rollgate.contracts.id;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers every service reads from paths, bodies and queries. An app key appears in
 * paths, Kafka keys and Redis keys, so it stays short and plain. The strings are for validation
 * annotations, the patterns for code.
 */
public final class IdPatterns {

    public static final String APP_KEY = "[a-z0-9][a-z0-9-]{1,62}";
    public static final String APP_KEY_MESSAGE = "must match " + APP_KEY;
    public static final String PACKAGE_ID = "[0-9]{8}";
    public static final String PACKAGE_ID_MESSAGE = "must be 8 digits";
    /** A task's or a whitelist's id. */
    public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    public static final String UUID_MESSAGE = "must be an id such as 3f2b8c1e-0d4a-4f6e-9a51-7c2d9e8b1a03";
    /** A custom attribute's name, as a rule names it and a client sends it ({@code attr.<name>}). */
    public static final String ATTRIBUTE = "[A-Za-z0-9_.-]{1,64}";

    private static final Pattern ATTRIBUTE_SHAPE = Pattern.compile(ATTRIBUTE);

    private IdPatterns() {
    }

    /** Asked on every client request and report batch, so checked by hand like the ids below. */
    public static boolean isAppKey(String text) {
        return CharRun.matches(text, 2, 63, c -> CharRun.digit(c) || (c >= 'a' && c <= 'z') || c == '-')
                && text.charAt(0) != '-';
    }

    // Checked by hand rather than by the pattern: see CharRun.
    public static boolean isPackageId(String text) {
        return CharRun.matches(text, 8, 8, CharRun::digit);
    }

    public static boolean isAttribute(String text) {
        return text != null && ATTRIBUTE_SHAPE.matcher(text).matches();
    }

    public static boolean isUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23 ? c != '-' : !CharRun.lowerHex(c)) {
                return false;
            }
        }
        return true;
    }
}
