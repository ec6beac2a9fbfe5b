package dev.rollgate.contracts.version;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;

/**
 * A package or client version: dotted numbers with any number of parts and an optional semver
 * pre-release ({@code 1.0.0.2}, {@code 10.2}, {@code 1.0.0-rc.1}).
 *
 * <p>Trailing zero parts do not count, so {@code 10.2} equals {@code 10.2.0}; a pre-release sorts
 * before its release ({@code 1.0.0-rc.1 < 1.0.0}); pre-release identifiers compare as semver says
 * (numeric ones numerically and below alphanumeric ones, a shorter list first when all else is equal).
 * Equality agrees with the order, so a version is a safe map key.
 */
public final class Version implements Comparable<Version> {

    /** Longer inputs are refused before parsing: a version never needs this much and the hot path must not pay for it. */
    public static final int MAX_LENGTH = 128;
    private static final int MAX_DIGITS = 18;

    private final long[] numbers;
    private final List<String> preRelease;
    private final int significantParts;

    private Version(long[] numbers, List<String> preRelease) {
        this.numbers = numbers;
        this.preRelease = preRelease;
        int significant = numbers.length;
        while (significant > 1 && numbers[significant - 1] == 0) {
            significant--;
        }
        this.significantParts = significant;
    }

    @JsonCreator
    public static Version parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidVersionException(text, "empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidVersionException(text, "longer than " + MAX_LENGTH + " characters");
        }
        int dash = text.indexOf('-');
        String core = dash < 0 ? text : text.substring(0, dash);
        List<String> preRelease = dash < 0 ? List.of() : parsePreRelease(text, text.substring(dash + 1));
        return new Version(parseCore(text, core), preRelease);
    }

    /** Parses without throwing, for callers (the rule evaluator) where an unparsable value simply never matches. */
    public static Version parseOrNull(String text) {
        try {
            return parse(text);
        } catch (InvalidVersionException e) {
            return null;
        }
    }

    public static boolean isValid(String text) {
        return parseOrNull(text) != null;
    }

    private static long[] parseCore(String input, String core) {
        String[] parts = core.split("\\.", -1);
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parseNumber(input, parts[i]);
        }
        return numbers;
    }

    private static long parseNumber(String input, String part) {
        if (part.isEmpty()) {
            throw new InvalidVersionException(input, "empty number part");
        }
        if (part.length() > MAX_DIGITS) {
            throw new InvalidVersionException(input, "number part with more than " + MAX_DIGITS + " digits");
        }
        for (int i = 0; i < part.length(); i++) {
            if (!isDigit(part.charAt(i))) {
                throw new InvalidVersionException(input, "'" + part + "' is not a number");
            }
        }
        return Long.parseLong(part);
    }

    private static List<String> parsePreRelease(String input, String text) {
        String[] identifiers = text.split("\\.", -1);
        for (String identifier : identifiers) {
            if (identifier.isEmpty()) {
                throw new InvalidVersionException(input, "empty pre-release identifier");
            }
            for (int i = 0; i < identifier.length(); i++) {
                char c = identifier.charAt(i);
                if (!(isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
                    throw new InvalidVersionException(input, "pre-release may hold only letters, digits, '-' and '.'");
                }
            }
            if (isNumeric(identifier) && identifier.length() > MAX_DIGITS) {
                throw new InvalidVersionException(input, "pre-release number with more than " + MAX_DIGITS + " digits");
            }
        }
        return List.of(identifiers);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNumeric(String identifier) {
        for (int i = 0; i < identifier.length(); i++) {
            if (!isDigit(identifier.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(Version other) {
        int parts = Math.max(numbers.length, other.numbers.length);
        for (int i = 0; i < parts; i++) {
            int byPart = Long.compare(part(i), other.part(i));
            if (byPart != 0) {
                return byPart;
            }
        }
        return comparePreRelease(preRelease, other.preRelease);
    }

    private long part(int index) {
        return index < numbers.length ? numbers[index] : 0;
    }

    private static int comparePreRelease(List<String> left, List<String> right) {
        if (left.isEmpty() || right.isEmpty()) {
            // A release sorts after every pre-release of the same numbers.
            return Boolean.compare(left.isEmpty(), right.isEmpty());
        }
        int shared = Math.min(left.size(), right.size());
        for (int i = 0; i < shared; i++) {
            int byIdentifier = compareIdentifier(left.get(i), right.get(i));
            if (byIdentifier != 0) {
                return byIdentifier;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static int compareIdentifier(String left, String right) {
        boolean leftNumeric = isNumeric(left);
        boolean rightNumeric = isNumeric(right);
        if (leftNumeric && rightNumeric) {
            return Long.compare(Long.parseLong(left), Long.parseLong(right));
        }
        if (leftNumeric != rightNumeric) {
            return leftNumeric ? -1 : 1;
        }
        return left.compareTo(right);
    }

    public boolean isAtLeast(Version other) {
        return compareTo(other) >= 0;
    }

    public boolean isAtMost(Version other) {
        return compareTo(other) <= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(Arrays.copyOf(numbers, significantParts));
        for (String identifier : preRelease) {
            hash = 31 * hash + (isNumeric(identifier) ? Long.hashCode(Long.parseLong(identifier)) : identifier.hashCode());
        }
        return hash;
    }

    /** The canonical text: numbers without leading zeros, every part kept as given, the pre-release after a dash. */
    @JsonValue
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbers.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(numbers[i]);
        }
        if (!preRelease.isEmpty()) {
            text.append('-').append(String.join(".", preRelease));
        }
        return text.toString();
    }
}
