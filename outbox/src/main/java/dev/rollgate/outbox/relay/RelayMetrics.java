package dev.rollgate.outbox.relay;

import java.time.Duration;

/** What a relay reports; {@link #NONE} for relays nobody watches. */
public interface RelayMetrics {

    RelayMetrics NONE = new RelayMetrics() {
    };

    /** A batch was acknowledged; {@code oldestWait} is how long its first row waited since its commit. */
    default void published(int count, Duration oldestWait) {
    }

    default void publishFailed() {
    }

    default void backlog(long rows) {
    }

    /** A row the broker will never take was set aside; {@code total} rows are in the dead-letter table now. */
    default void deadLettered(long total) {
    }
}
