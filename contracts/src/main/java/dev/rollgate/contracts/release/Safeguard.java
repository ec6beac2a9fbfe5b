package dev.rollgate.contracts.release;

import dev.rollgate.contracts.problem.FieldError;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * When a release pauses by itself: once at least {@code minDevices} devices reported a terminal outcome
 * (launched, or failed to install or launch) within the last {@code window}, and more than
 * {@code maxFailureRate} of them failed. A rate of 1 never trips.
 *
 * @param window an ISO-8601 duration of whole minutes, such as {@code PT10M}
 */
public record Safeguard(Double maxFailureRate, Integer minDevices, String window) {

    /** What a grayscale task gets when it names none: a tenth failing among twenty devices in ten minutes. */
    public static final Safeguard GRAYSCALE_DEFAULT = new Safeguard(0.1, 20, "PT10M");
    public static final Duration LONGEST_WINDOW = Duration.ofHours(24);
    public static final int MOST_DEVICES = 1_000_000;

    public Duration windowDuration() {
        return Duration.parse(window);
    }

    public int windowMinutes() {
        return (int) windowDuration().toMinutes();
    }

    /** Whether these figures, counted over the window, pass the limit. */
    public boolean tripped(long failedDevices, long reportingDevices) {
        return reportingDevices >= minDevices && reportingDevices > 0
                && (double) failedDevices / reportingDevices > maxFailureRate;
    }

    /** Every problem with this safeguard, with field names under {@code at}. */
    public List<FieldError> problems(String at) {
        List<FieldError> errors = new ArrayList<>();
        if (maxFailureRate == null || maxFailureRate.isNaN() || maxFailureRate <= 0 || maxFailureRate > 1) {
            errors.add(new FieldError(at + ".maxFailureRate", "must be a fraction above 0 and at most 1 (1 turns it off)"));
        }
        if (minDevices == null || minDevices < 1 || minDevices > MOST_DEVICES) {
            errors.add(new FieldError(at + ".minDevices", "must be 1 to " + MOST_DEVICES));
        }
        if (window == null) {
            errors.add(new FieldError(at + ".window", "is required: an ISO-8601 duration such as PT10M"));
        } else {
            try {
                Duration duration = Duration.parse(window);
                if (duration.toMinutes() < 1 || duration.compareTo(LONGEST_WINDOW) > 0
                        || !duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
                    errors.add(new FieldError(at + ".window", "must be whole minutes, from PT1M to PT24H"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(at + ".window", "is not an ISO-8601 duration such as PT10M"));
            }
        }
        return errors;
    }
}
