package dev.rollgate.contracts.problem;

import java.util.List;

/**
 * A failure that is the caller's answer, not a fault: it carries its problem+json, so that every service
 * maps all of them with one mapper and a service names its own failures only by what they are.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    protected ProblemException(int status, String title, String detail, List<FieldError> errors, Throwable cause) {
        this(status, title, detail, errors, detail, cause);
    }

    /** @param message for logs and tests, when the detail alone would not say what went wrong */
    protected ProblemException(int status, String title, String detail, List<FieldError> errors, String message,
                               Throwable cause) {
        super(message, cause);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public int status() {
        return status;
    }

    /** Whether an operator should hear of it: something is down, not merely busy or starting. */
    public boolean worthAWarning() {
        return false;
    }

    /** Seconds the caller should wait before trying again; 0 when trying again cannot help. */
    public int retryAfterSeconds() {
        return 0;
    }

    public Problem problem() {
        return new Problem("about:blank", title, status, detail, null, errors.isEmpty() ? null : errors);
    }
}
