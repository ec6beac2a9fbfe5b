package dev.rollgate.targeting.messaging;

import dev.rollgate.contracts.problem.ConflictException;

/** A rebuild that cannot start now: another targeting-service instance is running one. */
public final class RebuildRefusedException extends ConflictException {

    public RebuildRefusedException(String message) {
        super(message);
    }
}
