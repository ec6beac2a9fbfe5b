package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.FieldError;

import java.util.List;

/** A request that breaks the release rules; every broken field is listed. */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.getFirst().field() + " " + errors.getFirst().message()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
