package dev.rollgate.contracts.problem;

import java.util.List;

/**
 * A command that what exists does not allow (409): a duplicate, a transition from the wrong state, a stale
 * expected version, a batch with unreleasable packages (each one listed in the errors).
 */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        this(detail, List.of());
    }

    public ConflictException(String detail, List<FieldError> errors) {
        super(409, "Conflict", detail, errors, null);
    }
}
