package dev.rollgate.contracts.release;

public enum RuleOperator {
    IN,
    NOT_IN,
    EQ,
    NEQ,
    GT,
    GTE,
    LT,
    LTE,
    BETWEEN,
    STARTS_WITH,
    ENDS_WITH,
    CONTAINS,
    REGEX;

    /** Operators that compare values by {@link ValueType} rather than as strings. */
    public boolean isComparison() {
        return switch (this) {
            case EQ, NEQ, GT, GTE, LT, LTE, BETWEEN -> true;
            default -> false;
        };
    }
}
