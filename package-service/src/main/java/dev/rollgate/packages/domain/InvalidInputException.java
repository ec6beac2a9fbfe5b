package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.FieldError;

import java.util.List;

/** A request whose fields break the catalog's rules; every broken field is listed, not just the first. */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.getFirst().field() + " " + errors.getFirst().message()
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
