package dev.rollgate.gateway.cache;

/** The segment is not in the near cache and Redis cannot give it: the client gets 503. */
public final class RulesUnavailableException extends RuntimeException {

    public RulesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
