package dev.rollgate.contracts.problem;

/** One invalid field of a request: its path in the body or query (for example {@code rules[1].values}). */
public record FieldError(String field, String message) {
}
