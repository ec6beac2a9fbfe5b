package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.report.ReportEntry;
import dev.rollgate.contracts.id.CharRun;
import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.problem.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The bounds of a report batch. A batch with any broken report is refused whole, so that a device resends
 * a corrected batch rather than half of one being counted.
 */
final class ReportCheck {

    static final int MAX_REPORTS = 100;
    /** Devices queue reports while offline; older ones would count into minutes already judged. */
    static final Duration OLDEST = Duration.ofDays(7);
    /** Device clocks run ahead a little. */
    static final Duration FURTHEST_AHEAD = Duration.ofMinutes(10);

    private static final Predicate<String> REPORT_ID =
            text -> CharRun.matches(text, 8, 64, c -> CharRun.alphanumeric(c) || c == '_' || c == '-');
    private static final Predicate<String> VERSION =
            text -> CharRun.matches(text, 1, 64, c -> CharRun.alphanumeric(c) || c == '.' || c == '+' || c == '-');
    private static final Predicate<String> REASON =
            text -> CharRun.matches(text, 1, 64, c -> (c >= 'A' && c <= 'Z') || CharRun.digit(c) || c == '_');
    private static final Predicate<String> DEVICE = text -> CharRun.matches(text, 64, 64, CharRun::lowerHex);

    private ReportCheck() {
    }

    static List<FieldError> problems(ReportBatch batch, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (batch == null) {
            errors.add(new FieldError("body", "is required: {platform, reports: [...]}"));
            return errors;
        }
        if (batch.platform() == null) {
            errors.add(new FieldError("platform", "is required: ANDROID or IOS"));
        }
        if (batch.reports() == null || batch.reports().isEmpty() || batch.reports().size() > MAX_REPORTS) {
            errors.add(new FieldError("reports", "must hold 1 to " + MAX_REPORTS + " reports"));
            return errors;
        }
        for (int i = 0; i < batch.reports().size(); i++) {
            check(batch.reports().get(i), "reports[" + i + "]", now, errors);
        }
        return errors;
    }

    private static void check(ReportEntry report, String at, Instant now, List<FieldError> errors) {
        if (report == null) {
            errors.add(new FieldError(at, "must be a report"));
            return;
        }
        matches(report.reportId(), REPORT_ID, at + ".reportId", "8 to 64 of A-Z a-z 0-9 _ -", errors);
        matches(report.packageId(), IdPatterns::isPackageId, at + ".packageId", "8 digits", errors);
        matches(report.version(), VERSION, at + ".version", "a version of up to 64 characters", errors);
        if (report.taskId() != null) {
            matches(report.taskId(), IdPatterns::isUuid, at + ".taskId", "the task id the client API gave", errors);
        }
        if (report.outcome() == null) {
            errors.add(new FieldError(at + ".outcome", "is required"));
        }
        if (report.reason() != null) {
            matches(report.reason(), REASON, at + ".reason", "a code of up to 64 of A-Z 0-9 _", errors);
        }
        matches(report.device(), DEVICE, at + ".device",
                "the SHA-256 of the device's identity, 64 lower-case hex digits (never the raw id)", errors);
        if (report.at() == null) {
            errors.add(new FieldError(at + ".at", "is required: when it happened, RFC 3339"));
        } else if (report.at().isBefore(now.minus(OLDEST)) || report.at().isAfter(now.plus(FURTHEST_AHEAD))) {
            errors.add(new FieldError(at + ".at", "must be within the last 7 days"));
        }
    }

    private static void matches(String value, Predicate<String> shape, String field, String expected,
                                List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required: " + expected));
        } else if (!shape.test(value)) {
            errors.add(new FieldError(field, "must be " + expected));
        }
    }
}
