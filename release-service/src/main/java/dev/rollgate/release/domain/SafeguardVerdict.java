package dev.rollgate.release.domain;

import dev.rollgate.contracts.release.Safeguard;

import java.util.Locale;

/** What a task's safeguard makes of the counts in its window. */
public record SafeguardVerdict(Safeguard safeguard, HealthCounts window, boolean tripped) {

    public static SafeguardVerdict of(Safeguard safeguard, HealthCounts window) {
        return new SafeguardVerdict(safeguard, window, safeguard.tripped(window.failed(), window.reporting()));
    }

    /** The figures as the pause event's reason, for the audit trail. */
    public String reason() {
        return String.format(Locale.ROOT, "safeguard: %d of %d devices failed in the last %d min (%.1f %%), more than "
                        + "the %.1f %% allowed with at least %d devices", window.failed(), window.reporting(),
                safeguard.windowMinutes(), 100 * window.failureRate(), 100 * safeguard.maxFailureRate(),
                safeguard.minDevices());
    }
}
