package dev.rollgate.contracts.rule;

import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.contracts.version.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How a comparison reads a value, a rule's operand and a client's value alike, so that what validation accepts
 * is what evaluation compares. Blanks around a number or an instant do not count; a version has none.
 */
public final class RuleValues {

    /** At most this many values in a rule. */
    public static final int MAX_VALUES = 1_000;
    /** At most this long a value: a rule's, and a client's number or instant (a longer one cannot equal one). */
    public static final int MAX_VALUE_LENGTH = 256;

    private RuleValues() {
    }

    /** The value as the type compares it, or null when it does not read as one. */
    public static Comparable<?> read(ValueType type, String text) {
        if (text == null) {
            return null;
        }
        return switch (type) {
            case VERSION -> Version.parseOrNull(text);
            case NUMBER -> number(text.strip());
            case DATE -> instant(text.strip());
        };
    }

    /** What a value that does not read as the type is not, as a field error says it. */
    static String notA(ValueType type) {
        return "is not a " + type.name().toLowerCase(Locale.ROOT)
                + (type == ValueType.DATE ? " (RFC 3339, such as 2026-12-01T00:00:00Z)" : "");
    }

    private static BigDecimal number(String text) {
        if (text.length() > MAX_VALUE_LENGTH) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        if (text.length() > MAX_VALUE_LENGTH) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
