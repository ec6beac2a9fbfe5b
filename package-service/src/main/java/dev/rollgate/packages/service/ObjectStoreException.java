package dev.rollgate.packages.service;

/** The object store failed or could not be reached: 503, and nothing of the upload is kept. */
public final class ObjectStoreException extends RuntimeException {

    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
