package dev.rollgate.contracts.rule;

import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What makes an advanced rule well-formed, so that the gateway never meets a rule it cannot evaluate: known type
 * and operator, the right number of bounded values, values that read as the rule compares them, a regular
 * expression that compiles in a linear-time engine within {@code RegexLimits}, an attribute only where one is
 * read. The operands are judged by reading them as {@link EvaluableRule} does, so what passes here is what the
 * gateway evaluates.
 */
public final class RuleValidation {

    private RuleValidation() {
    }

    /** @param at the rule's field path, such as {@code rules[0]}; every error's field starts with it */
    public static List<FieldError> problems(String at, AdvancedRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (rule == null) {
            errors.add(new FieldError(at, "must be a rule"));
            return errors;
        }
        if (rule.type() == null) {
            errors.add(new FieldError(at + ".type", "is required: one of CITY, MODEL, NETWORK, OS_VERSION, CUSTOM"));
        }
        if (rule.operator() == null) {
            errors.add(new FieldError(at + ".operator", "is required"));
        }
        checkAttribute(at, rule, errors);
        if (rule.valueType() != null && rule.type() != RuleType.CUSTOM) {
            errors.add(new FieldError(at + ".valueType", "is allowed on CUSTOM rules only"));
        }
        if (rule.valueType() != null && rule.operator() != null && !rule.operator().isComparison()) {
            errors.add(new FieldError(at + ".valueType", "applies to comparison operators only"));
        }
        if (checkValues(at, rule, errors) && rule.operator() != null) {
            checkOperands(at, rule, errors);
        }
        return errors;
    }

    /**
     * How many values the operator takes, or empty for any number: lists, and the text operators, which hold
     * when any of their values matches (as other targeting systems have them).
     */
    private static Optional<Integer> arity(RuleOperator operator) {
        return switch (operator) {
            case IN, NOT_IN, STARTS_WITH, ENDS_WITH, CONTAINS -> Optional.empty();
            case BETWEEN -> Optional.of(2);
            case EQ, NEQ, GT, GTE, LT, LTE, REGEX -> Optional.of(1);
        };
    }

    private static void checkAttribute(String at, AdvancedRule rule, List<FieldError> errors) {
        if (rule.type() == RuleType.CUSTOM) {
            if (!IdPatterns.isAttribute(rule.attribute())) {
                errors.add(new FieldError(at + ".attribute", "a CUSTOM rule needs an attribute of " + IdPatterns.ATTRIBUTE));
            }
        } else if (rule.attribute() != null) {
            errors.add(new FieldError(at + ".attribute", "only a CUSTOM rule names an attribute"));
        }
    }

    /** @return whether the values are present and bounded, so that their contents can be checked */
    private static boolean checkValues(String at, AdvancedRule rule, List<FieldError> errors) {
        List<String> values = rule.values();
        if (values == null || values.isEmpty()) {
            errors.add(new FieldError(at + ".values", "must hold at least one value"));
            return false;
        }
        if (values.size() > RuleValues.MAX_VALUES) {
            errors.add(new FieldError(at + ".values", "must hold at most " + RuleValues.MAX_VALUES + " values"));
            return false;
        }
        boolean bounded = true;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isEmpty() || value.length() > RuleValues.MAX_VALUE_LENGTH) {
                errors.add(new FieldError(at + ".values[" + i + "]",
                        "must be 1 to " + RuleValues.MAX_VALUE_LENGTH + " characters"));
                bounded = false;
            }
        }
        return bounded;
    }

    private static void checkOperands(String at, AdvancedRule rule, List<FieldError> errors) {
        RuleOperator operator = rule.operator();
        int count = rule.values().size();
        Optional<Integer> expected = arity(operator);
        if (expected.isPresent() && count != expected.get()) {
            errors.add(new FieldError(at + ".values", operator + " takes exactly " + expected.get()
                    + (expected.get() == 1 ? " value" : " values")));
            return;
        }
        EvaluableRule read = EvaluableRule.of(rule);
        // What makes the rule itself unusable (no type, no attribute) the checks above have said already.
        read.unusable().filter(unusable -> unusable.value() >= 0).ifPresent(unusable -> errors.add(
                new FieldError(at + ".values[" + unusable.value() + "]", unusable.problem())));
        if (!operator.isComparison()) {
            return;
        }
        ValueType type = rule.effectiveValueType();
        boolean allRead = true;
        for (int i = 0; i < count; i++) {
            if (read.operand(i) == null) {
                errors.add(new FieldError(at + ".values[" + i + "]", RuleValues.notA(type)));
                allRead = false;
            }
        }
        // Only when nothing else is wrong with the rule: a reversed range is worth saying once the rest is right.
        if (operator == RuleOperator.BETWEEN && allRead && errors.isEmpty()
                && EvaluableRule.compare(read.operand(0), read.operand(1)) > 0) {
            errors.add(new FieldError(at + ".values", "BETWEEN takes the lower bound first"));
        }
    }
}
