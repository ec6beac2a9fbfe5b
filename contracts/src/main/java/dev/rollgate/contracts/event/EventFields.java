package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.version.Version;

import java.util.List;

/**
 * What an event must carry for every consumer to apply it. Checked when an event record is made, so a
 * message read from the topic without them is unreadable (a dead letter), never a failure deep inside a
 * consumer that would stop its partition. Payload records call it from their constructors.
 */
final class EventFields {

    private EventFields() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** What every release-task event says of its task (see {@link ReleaseTaskEvent}). */
    static void task(String taskId, String packageId, String version, Object platform, Object releaseType) {
        present(taskId, "taskId");
        present(packageId, "packageId");
        version(version);
        present(platform, "platform");
        present(releaseType, "releaseType");
    }

    static String version(String version) {
        Version.parse(present(version, "version"));
        return version;
    }

    static <T> List<T> list(List<T> values, String field) {
        present(values, field);
        for (T value : values) {
            present(value, field + "[]");
        }
        return values;
    }

    /** A grayscale task names its audience; an official one has none. */
    static void audience(ReleaseType type, GrayscaleSpec grayscale) {
        if (type != ReleaseType.GRAYSCALE) {
            return;
        }
        present(grayscale, "grayscale");
        switch (present(grayscale.mode(), "grayscale.mode")) {
            case WHITELIST -> list(grayscale.whitelistIds(), "grayscale.whitelistIds");
            case TIME_WINDOW -> {
                present(grayscale.endTime(), "grayscale.endTime");
                present(grayscale.usersCount(), "grayscale.usersCount");
            }
        }
    }

    static void rules(List<AdvancedRule> rules) {
        if (rules == null) {
            return;
        }
        for (AdvancedRule rule : rules) {
            present(rule, "rules[]");
            present(rule.type(), "rules[].type");
            present(rule.operator(), "rules[].operator");
            list(rule.values(), "rules[].values");
        }
    }
}
