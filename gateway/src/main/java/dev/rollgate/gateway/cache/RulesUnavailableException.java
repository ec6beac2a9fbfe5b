package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.problem.UnavailableException;

/**
 * The segment is not in the near cache and Redis cannot give it, or gives an older revision than this gateway
 * let go: the client gets 503.
 */
public final class RulesUnavailableException extends UnavailableException {

    public RulesUnavailableException(String message, Throwable cause) {
        super(message, 1, cause);
    }

    public RulesUnavailableException(String message) {
        this(message, null);
    }
}
