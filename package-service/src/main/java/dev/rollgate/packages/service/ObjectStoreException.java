package dev.rollgate.packages.service;

import dev.rollgate.contracts.problem.UnavailableException;

/** The object store failed or could not be reached: 503, and nothing of the upload is kept. */
public final class ObjectStoreException extends UnavailableException {

    public ObjectStoreException(String message, Throwable cause) {
        super(message, 5, cause);
    }
}
