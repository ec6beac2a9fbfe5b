package dev.rollgate.release.domain;

/** A task, whitelist, app, package or version that does not exist (404). */
public final class UnknownResourceException extends RuntimeException {

    public UnknownResourceException(String detail) {
        super(detail);
    }
}
