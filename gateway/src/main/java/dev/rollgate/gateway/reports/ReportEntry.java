package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.report.ReportOutcome;

import java.time.Instant;

/**
 * One outcome as the device sends it.
 *
 * @param device the SHA-256 of the device's identity, made on the device (64 lower-case hex digits)
 */
public record ReportEntry(String reportId, String packageId, String version, String taskId, ReportOutcome outcome,
                          String reason, String device, Instant at) {
}
