package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.FieldError;

import java.util.List;

/**
 * A command that the current state does not allow (409): a transition from the wrong state, a second
 * active task, a stale expected version, a batch with unreleasable packages (each one listed).
 */
public final class ReleaseConflictException extends RuntimeException {

    private final List<FieldError> errors;

    public ReleaseConflictException(String detail) {
        this(detail, List.of());
    }

    public ReleaseConflictException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
