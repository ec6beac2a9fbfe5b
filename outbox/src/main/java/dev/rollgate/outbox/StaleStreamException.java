package dev.rollgate.outbox;

import dev.rollgate.contracts.problem.ConflictException;

/**
 * An append whose expected version is not the stream's current one: another writer got there first.
 * Services answer it with 409; nothing of the failed command is written.
 */
public final class StaleStreamException extends ConflictException {

    private final String streamId;
    private final long expectedVersion;

    public StaleStreamException(String streamId, long expectedVersion) {
        super("stream " + streamId + " is no longer at version " + expectedVersion + ": another change came first; read it again and retry");
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
