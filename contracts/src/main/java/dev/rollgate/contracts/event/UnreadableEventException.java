package dev.rollgate.contracts.event;

/** A message that is not an event this code can read: bad JSON, an unknown type or a newer schema. */
public final class UnreadableEventException extends Exception {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
