package dev.rollgate.contracts.report;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One outcome as the device sends it, and as it travels in a {@link ReportGroup}.
 *
 * @param device the SHA-256 of the device's identity, made on the device (64 lower-case hex digits)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportEntry(String reportId, String packageId, String version, String taskId, ReportOutcome outcome,
                          String reason, String device, Instant at) {
}
