package dev.rollgate.contracts.report;

/** What a device says happened to a package version it was given. */
public enum ReportOutcome {
    DOWNLOADED,
    INSTALLED,
    INSTALL_FAILED,
    LAUNCHED,
    LAUNCH_FAILED,
    ROLLED_BACK;

    /** A device that reached one of these has tried the version: the base of the failure rate. */
    public boolean isTerminal() {
        return this == LAUNCHED || this == INSTALL_FAILED || this == LAUNCH_FAILED;
    }

    public boolean isFailure() {
        return this == INSTALL_FAILED || this == LAUNCH_FAILED;
    }
}
