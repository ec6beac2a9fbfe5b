package dev.rollgate.contracts.release;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One targeting rule of a grayscale task, as the operator wrote it.
 *
 * @param attribute       the client attribute a {@code CUSTOM} rule reads; null for the other types
 * @param values          the operands; their count depends on the operator
 * @param inverted        flips the result, also for a missing attribute
 * @param caseInsensitive string operators ignore case
 * @param valueType       how comparison operators read the values; null means {@code VERSION}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdvancedRule(
        RuleType type,
        String attribute,
        RuleOperator operator,
        List<String> values,
        boolean inverted,
        boolean caseInsensitive,
        ValueType valueType) {

    public ValueType effectiveValueType() {
        return valueType == null ? ValueType.VERSION : valueType;
    }
}
