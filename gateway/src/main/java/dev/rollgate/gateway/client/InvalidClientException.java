package dev.rollgate.gateway.client;

import dev.rollgate.contracts.problem.FieldError;

import java.util.List;

/** A client query or simulation context that cannot be evaluated; every broken field is named. */
public final class InvalidClientException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidClientException(List<FieldError> errors) {
        this("the client context has invalid fields", errors);
    }

    public InvalidClientException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
