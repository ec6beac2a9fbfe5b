package dev.rollgate.release.domain;

import dev.rollgate.contracts.report.ReportOutcome;

/**
 * The outcomes one device has reported for one task, as bits, so that a device counts once per outcome
 * however often it reports it, and once as "reporting" and once as "failed" for the failure rate.
 */
public record DeviceOutcomes(int bits) {

    public static final DeviceOutcomes NONE = new DeviceOutcomes(0);
    private static final int TERMINAL = bit(ReportOutcome.LAUNCHED) | bit(ReportOutcome.INSTALL_FAILED)
            | bit(ReportOutcome.LAUNCH_FAILED);
    private static final int FAILED = bit(ReportOutcome.INSTALL_FAILED) | bit(ReportOutcome.LAUNCH_FAILED);

    private static int bit(ReportOutcome outcome) {
        return 1 << outcome.ordinal();
    }

    public boolean has(ReportOutcome outcome) {
        return (bits & bit(outcome)) != 0;
    }

    public DeviceOutcomes with(ReportOutcome outcome) {
        return new DeviceOutcomes(bits | bit(outcome));
    }

    public boolean reporting() {
        return (bits & TERMINAL) != 0;
    }

    public boolean failed() {
        return (bits & FAILED) != 0;
    }
}
