package dev.rollgate.release.domain;

import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.contracts.report.ReportOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCountsTest {

    private static TaskHealth report(TaskHealth health, DeviceOutcomes[] device, ReportOutcome outcome, String reason) {
        DeviceOutcomes before = device[0];
        device[0] = before.with(outcome);
        return health.counted(before, device[0], reason);
    }

    @Test
    void aDeviceCountsOncePerOutcomeAndOnceAsReportingAndFailed() {
        DeviceOutcomes[] phone = {DeviceOutcomes.NONE};
        TaskHealth health = TaskHealth.empty();
        health = report(health, phone, ReportOutcome.INSTALLED, null);
        health = report(health, phone, ReportOutcome.LAUNCHED, null);
        health = report(health, phone, ReportOutcome.LAUNCHED, null);
        health = report(health, phone, ReportOutcome.LAUNCH_FAILED, "WHITE_SCREEN");
        health = report(health, phone, ReportOutcome.INSTALL_FAILED, "SHA256_MISMATCH");
        assertThat(health.total().devices(ReportOutcome.LAUNCHED)).isEqualTo(1);
        assertThat(health.total().reporting()).isEqualTo(1);
        assertThat(health.total().failed()).isEqualTo(1);
        assertThat(health.failuresByReason()).containsOnlyKeys("WHITE_SCREEN");
        assertThat(health.total().failureRate()).isEqualTo(1.0);
    }

    @Test
    void reasonsPastTheLimitCountAsOther() {
        TaskHealth health = TaskHealth.empty();
        for (int i = 0; i < TaskHealth.MAX_REASONS + 5; i++) {
            health = report(health, new DeviceOutcomes[] {DeviceOutcomes.NONE}, ReportOutcome.INSTALL_FAILED, "R" + i);
        }
        assertThat(health.failuresByReason()).hasSize(TaskHealth.MAX_REASONS + 1).containsEntry(TaskHealth.OTHER, 5L);
    }

    @Test
    void theSafeguardTripsPastTheRateWithEnoughDevicesOnly() {
        Safeguard safeguard = new Safeguard(0.2, 10, "PT5M");
        assertThat(safeguard.tripped(3, 10)).isTrue();
        assertThat(safeguard.tripped(2, 10)).isFalse();
        assertThat(safeguard.tripped(9, 9)).isFalse();
        assertThat(new Safeguard(1.0, 1, "PT1M").tripped(5, 5)).isFalse();
        assertThat(new Safeguard(0.0, 0, "PT30S").problems("safeguard")).hasSize(3);
        assertThat(Safeguard.GRAYSCALE_DEFAULT.problems("safeguard")).isEmpty();
        HealthCounts window = HealthCounts.empty().counted(DeviceOutcomes.NONE, DeviceOutcomes.NONE.with(ReportOutcome.INSTALL_FAILED));
        assertThat(SafeguardVerdict.of(new Safeguard(0.5, 1, "PT5M"), window).reason())
                .isEqualTo("safeguard: 1 of 1 devices failed in the last 5 min (100.0 %), more than the 50.0 % allowed "
                        + "with at least 1 devices");
    }
}
