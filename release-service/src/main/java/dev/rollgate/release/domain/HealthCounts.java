package dev.rollgate.release.domain;

import dev.rollgate.contracts.report.ReportOutcome;

import java.util.EnumMap;
import java.util.Map;

/**
 * Devices counted per outcome (each device once per outcome), with how many tried the version (launched
 * or failed: "reporting") and how many failed. Kept per task in total and per minute.
 */
public record HealthCounts(Map<ReportOutcome, Long> devices, long reporting, long failed) {

    public static HealthCounts empty() {
        return new HealthCounts(new EnumMap<>(ReportOutcome.class), 0, 0);
    }

    /** The counts once a device moved from {@code before} to {@code after}; the same counts when it did not. */
    public HealthCounts counted(DeviceOutcomes before, DeviceOutcomes after) {
        Map<ReportOutcome, Long> next = new EnumMap<>(ReportOutcome.class);
        next.putAll(devices);
        for (ReportOutcome outcome : ReportOutcome.values()) {
            if (after.has(outcome) && !before.has(outcome)) {
                next.merge(outcome, 1L, Long::sum);
            }
        }
        return new HealthCounts(next, reporting + (after.reporting() && !before.reporting() ? 1 : 0),
                failed + (after.failed() && !before.failed() ? 1 : 0));
    }

    public HealthCounts plus(HealthCounts other) {
        Map<ReportOutcome, Long> sum = new EnumMap<>(ReportOutcome.class);
        sum.putAll(devices);
        other.devices.forEach((outcome, n) -> sum.merge(outcome, n, Long::sum));
        return new HealthCounts(sum, reporting + other.reporting, failed + other.failed);
    }

    public long devices(ReportOutcome outcome) {
        return devices.getOrDefault(outcome, 0L);
    }

    /** Failed devices among those that tried the version, or 0 when none did. */
    public double failureRate() {
        return reporting == 0 ? 0 : (double) failed / reporting;
    }
}
