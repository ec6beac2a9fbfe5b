package dev.rollgate.contracts.problem;

import java.util.List;

/** Something this answer needs cannot be reached right now (503); asking again later can succeed. */
public class UnavailableException extends ProblemException {

    private final int retryAfterSeconds;

    public UnavailableException(String detail, int retryAfterSeconds, Throwable cause) {
        super(503, "Service Unavailable", detail, List.of(), cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public boolean worthAWarning() {
        return true;
    }

    @Override
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
