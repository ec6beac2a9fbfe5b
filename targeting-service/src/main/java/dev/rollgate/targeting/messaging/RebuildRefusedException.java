package dev.rollgate.targeting.messaging;

/** A rebuild this instance cannot do alone: it does not hold every partition of the topic. */
public final class RebuildRefusedException extends RuntimeException {

    public RebuildRefusedException(String message) {
        super(message);
    }
}
