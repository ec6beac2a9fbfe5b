package dev.rollgate.outbox;

import dev.rollgate.contracts.problem.ContentTooLargeException;

/**
 * An event whose message would be larger than the broker takes. Refused when it is written, so that the
 * command that decided it fails whole (a service answers 413) instead of leaving a row no relay can publish.
 */
public final class EventTooLargeException extends ContentTooLargeException {

    private final long bytes;
    private final long limit;

    public EventTooLargeException(String type, long bytes, long limit) {
        super("a " + type + " event of " + bytes + " bytes is larger than the " + limit
                + " bytes a message may have: send the change in smaller parts");
        this.bytes = bytes;
        this.limit = limit;
    }

    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
