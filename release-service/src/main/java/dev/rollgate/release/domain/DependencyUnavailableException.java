package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.UnavailableException;

/** A service this one needs did not answer in time (503); nothing was written. */
public final class DependencyUnavailableException extends UnavailableException {

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable: " + (cause == null ? "no answer" : cause.getMessage()) + "; nothing was written",
                5, cause);
    }
}
