package dev.rollgate.targeting.persistence;

/**
 * A batch's write found its apps changed by another instance since it read them: it was computed from a
 * state that is no longer current, and nothing of it was written. The consumer reads and applies it again.
 */
public final class FencedWriteException extends RuntimeException {

    public FencedWriteException(String message) {
        super(message);
    }
}
