package dev.rollgate.problems;

import dev.rollgate.contracts.problem.InvalidInputException;

import java.util.Arrays;

/**
 * Reads query parameters as text and converts them here, so that a bad value is a 400 naming the parameter
 * (JAX-RS would answer a failed conversion with a bare 404).
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> E enumOrNull(String name, String text, Class<E> type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * Free text, stripped; null when blank. PostgreSQL refuses a NUL character in text (it would answer 500), and
     * no search means a control character, so either is a 400.
     */
    public static String textOrNull(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of(name, "must not contain control characters");
        }
        return text.strip();
    }

    public static int intInRange(String name, String text, int defaultValue, int min, int max) {
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw InvalidInputException.of(name, "must be a whole number from " + min + " to " + max);
    }

}
