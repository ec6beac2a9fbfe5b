package dev.rollgate.release.domain;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.RegexLimits;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.contracts.version.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes an advanced rule well-formed, so that the gateway never meets a rule it cannot evaluate:
 * known type and operator, the right number of bounded values, values that parse as the rule compares
 * them, a regular expression that compiles in a linear-time engine, an attribute only where one is read.
 */
public final class RuleCheck {

    public static final int MAX_VALUES = 1_000;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final java.util.regex.Pattern ATTRIBUTE = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private RuleCheck() {
    }

    public static List<FieldError> problems(int index, AdvancedRule rule) {
        String at = "rules[" + index + "]";
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

    private static void checkAttribute(String at, AdvancedRule rule, List<FieldError> errors) {
        if (rule.type() == RuleType.CUSTOM) {
            if (rule.attribute() == null || !ATTRIBUTE.matcher(rule.attribute()).matches()) {
                errors.add(new FieldError(at + ".attribute", "a CUSTOM rule needs an attribute of [A-Za-z0-9_.-]{1,64}"));
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
        if (values.size() > MAX_VALUES) {
            errors.add(new FieldError(at + ".values", "must hold at most " + MAX_VALUES + " values"));
            return false;
        }
        boolean bounded = true;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(at + ".values[" + i + "]", "must be 1 to " + MAX_VALUE_LENGTH + " characters"));
                bounded = false;
            }
        }
        return bounded;
    }

    private static void checkOperands(String at, AdvancedRule rule, List<FieldError> errors) {
        RuleOperator operator = rule.operator();
        List<String> values = rule.values();
        // Lists, and the text operators, which hold when any of their values matches (as other targeting
        // systems have them); the rest compare with one value, BETWEEN with two.
        int expected = switch (operator) {
            case IN, NOT_IN, STARTS_WITH, ENDS_WITH, CONTAINS -> -1;
            case BETWEEN -> 2;
            case EQ, NEQ, GT, GTE, LT, LTE, REGEX -> 1;
        };
        if (expected > 0 && values.size() != expected) {
            errors.add(new FieldError(at + ".values", operator + " takes exactly " + expected
                    + (expected == 1 ? " value" : " values")));
            return;
        }
        if (operator == RuleOperator.REGEX) {
            checkPattern(at, values.getFirst(), errors);
        }
        if (operator.isComparison()) {
            checkComparable(at, rule.effectiveValueType(), values, operator == RuleOperator.BETWEEN, errors);
        }
    }

    /** Bounded before it is compiled: compiling a pattern of nested repetitions is itself the harm. */
    private static void checkPattern(String at, String pattern, List<FieldError> errors) {
        Optional<String> tooCostly = RegexLimits.problem(pattern);
        if (tooCostly.isPresent()) {
            errors.add(new FieldError(at + ".values[0]", "is too costly a regular expression: it "
                    + tooCostly.get()));
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            errors.add(new FieldError(at + ".values[0]", "is not a regular expression in RE2 syntax: "
                    + e.getDescription()));
        }
    }

    private static void checkComparable(String at, ValueType type, List<String> values, boolean ordered,
                                        List<FieldError> errors) {
        Function<String, Comparable<?>> parser = switch (type) {
            case VERSION -> Version::parseOrNull;
            case NUMBER -> RuleCheck::number;
            case DATE -> RuleCheck::instant;
        };
        List<Comparable<?>> parsed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Comparable<?> value = parser.apply(values.get(i));
            if (value == null) {
                errors.add(new FieldError(at + ".values[" + i + "]", "is not a " + type.name().toLowerCase()
                        + (type == ValueType.DATE ? " (RFC 3339, such as 2026-12-01T00:00:00Z)" : "")));
            }
            parsed.add(value);
        }
        if (ordered && errors.isEmpty() && compare(parsed.get(0), parsed.get(1)) > 0) {
            errors.add(new FieldError(at + ".values", "BETWEEN takes the lower bound first"));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable left, Comparable right) {
        return left.compareTo(right);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
