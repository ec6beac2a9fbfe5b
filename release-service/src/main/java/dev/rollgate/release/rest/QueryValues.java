package dev.rollgate.release.rest;

import dev.rollgate.release.domain.InvalidInputException;

import java.util.Arrays;

/** Query parameters read as text and converted here, so a bad value is a 400 naming it (not JAX-RS's bare 404). */
final class QueryValues {

    private QueryValues() {
    }

    static <E extends Enum<E>> E enumOrNull(String name, String text, Class<E> type) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static int intInRange(String name, String text, int defaultValue, int min, int max) {
        if (text == null || text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the same answer as an out-of-range number
        }
        throw InvalidInputException.of(name, "must be a whole number from " + min + " to " + max);
    }
}
