package dev.rollgate.release.service;

/** The health stores are not queryable right now: starting, restoring, or moving between instances. */
public final class HealthUnavailableException extends RuntimeException {

    public HealthUnavailableException(Throwable cause) {
        super("release health is being restored; ask again in a few seconds", cause);
    }
}
