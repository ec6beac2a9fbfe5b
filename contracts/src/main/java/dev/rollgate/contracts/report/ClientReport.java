package dev.rollgate.contracts.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.Platform;

import java.time.Instant;

/**
 * One outcome report from a device, as it travels on {@link dev.rollgate.contracts.event.Topics#CLIENT_REPORTS}.
 * The device is a SHA-256 hash made on the device: no raw user or device id is sent or kept.
 *
 * @param taskId the task the client API named for this version, or null for a baseline version
 * @param reason a short code such as {@code HASH_MISMATCH}, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientReport(String appKey, Platform platform, String reportId, String packageId, String version,
                           String taskId, ReportOutcome outcome, String reason, String device, Instant at) {

    /** Reports of one task share a partition, so one consumer counts them together. */
    public String partitionKey() {
        return ReportGroup.partitionKey(appKey, taskId, packageId, version);
    }
}
