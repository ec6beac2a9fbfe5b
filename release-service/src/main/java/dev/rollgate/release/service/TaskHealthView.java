package dev.rollgate.release.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.contracts.report.ReportOutcome;
import dev.rollgate.release.domain.HealthCounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task's release health as the API answers it: devices per outcome (each device once per outcome), the
 * failure rate among the devices that tried the version, the safeguard's window, and the last hour by minute.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskHealthView(String taskId, Devices devices, Map<String, Long> failuresByReason, double failureRate,
                             Window window, Safeguard safeguard, List<Minute> perMinute) {

    /** @param reporting devices that launched the version or failed to install or launch it */
    public record Devices(long downloaded, long installed, long installFailed, long launched, long launchFailed,
                          long rolledBack, long reporting, long failed) {

        static Devices of(HealthCounts counts) {
            return new Devices(counts.devices(ReportOutcome.DOWNLOADED), counts.devices(ReportOutcome.INSTALLED),
                    counts.devices(ReportOutcome.INSTALL_FAILED), counts.devices(ReportOutcome.LAUNCHED),
                    counts.devices(ReportOutcome.LAUNCH_FAILED), counts.devices(ReportOutcome.ROLLED_BACK),
                    counts.reporting(), counts.failed());
        }
    }

    /** The devices first counted within the last {@code minutes}, as the safeguard judges them. */
    public record Window(int minutes, long reporting, long failed, double failureRate, Boolean tripped) {
    }

    public record Minute(Instant minute, Devices devices) {
    }
}
