package dev.rollgate.contracts.id;

/**
 * A string of allowed characters within length bounds, checked by hand: identifiers in devices' reports
 * are checked tens of thousands of times a second, where a regular expression per field cost more than
 * the rest of taking a report.
 */
public final class CharRun {

    /** Which characters a run may hold. */
    public interface Allowed {
        boolean test(char c);
    }

    private CharRun() {
    }

    public static boolean matches(String text, int min, int max, Allowed allowed) {
        if (text == null || text.length() < min || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!allowed.test(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean lowerHex(char c) {
        return digit(c) || (c >= 'a' && c <= 'f');
    }

    public static boolean alphanumeric(char c) {
        return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
