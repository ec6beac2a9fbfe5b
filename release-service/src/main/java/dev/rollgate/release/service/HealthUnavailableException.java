package dev.rollgate.release.service;

import dev.rollgate.contracts.problem.UnavailableException;

/** The health stores are not queryable right now: starting, restoring, or moving between instances. */
public final class HealthUnavailableException extends UnavailableException {

    public HealthUnavailableException(Throwable cause) {
        super("release health is being restored; ask again in a few seconds", 5, cause);
    }

    /** Stores that are restoring come back by themselves; the console asks every few seconds meanwhile. */
    @Override
    public boolean worthAWarning() {
        return false;
    }
}
