package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.problem.UnavailableException;

/** The broker did not take a batch of reports in time; the device keeps them and sends them again. */
public final class ReportsUnavailableException extends UnavailableException {

    ReportsUnavailableException(Throwable cause) {
        super("reports cannot be taken right now; send them again later", 5, cause);
    }
}
