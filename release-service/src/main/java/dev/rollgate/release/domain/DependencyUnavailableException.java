package dev.rollgate.release.domain;

/** A service this one needs did not answer in time (503); nothing was written. */
public final class DependencyUnavailableException extends RuntimeException {

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable: " + (cause == null ? "no answer" : cause.getMessage()), cause);
    }
}
