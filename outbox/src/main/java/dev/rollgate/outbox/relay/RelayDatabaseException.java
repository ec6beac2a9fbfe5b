package dev.rollgate.outbox.relay;

/** The relay's PostgreSQL session failed; the relay drops it (and with it the leadership) and starts over. */
final class RelayDatabaseException extends RuntimeException {

    RelayDatabaseException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
