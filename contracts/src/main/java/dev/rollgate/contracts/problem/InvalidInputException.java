package dev.rollgate.contracts.problem;

import java.util.List;

/** A request whose fields break the rules (400); every broken field is listed, not just the first. */
public final class InvalidInputException extends ProblemException {

    public static final String DETAIL = "the request has invalid fields";

    public InvalidInputException(List<FieldError> errors) {
        this(DETAIL, errors);
    }

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(400, "Bad Request", detail, errors, errors.size() == 1
                ? errors.getFirst().field() + " " + errors.getFirst().message()
                : errors.size() + " fields are invalid", null);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }
}
