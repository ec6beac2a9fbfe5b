package dev.rollgate.gateway.reports;

/** The broker did not take a batch of reports in time; the device keeps them and sends them again. */
public final class ReportsUnavailableException extends RuntimeException {

    ReportsUnavailableException(Throwable cause) {
        super("reports cannot be taken right now: " + cause.getMessage(), cause);
    }
}
