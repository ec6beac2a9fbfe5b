package dev.rollgate.contracts.rule;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.RegexLimits;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An advanced rule with its operands read once, ready to test client values: the only reading of a rule. The
 * gateway evaluates with it, and release-service validates by reading a rule this way and refusing what did not
 * read ({@link RuleValidation}), so that a rule it accepts is evaluated as it was checked.
 *
 * <p>A missing attribute (null or empty) is in no list: {@code IN} fails, {@code NOT_IN} holds, every other
 * operator fails; {@code inverted} then flips the result. Text operators and {@code REGEX} hold when any of their
 * values matches. Case-insensitive rules fold text operands and the client's value, and match patterns ignoring
 * case; comparisons read values by their {@code ValueType} ({@link RuleValues}), unfolded, and a value that does
 * not read never compares (the test is false, then flipped by {@code inverted}). A rule that cannot be evaluated
 * at all (no type or operator, a CUSTOM rule without an attribute, a pattern that does not compile or is past
 * {@link RegexLimits}) holds for nobody, inverted or not.
 */
public final class EvaluableRule {

    private static final System.Logger LOG = System.getLogger(EvaluableRule.class.getName());

    private final AdvancedRule rule;
    /** The text operands as compared: folded when the rule ignores case. */
    private final List<String> texts;
    private final Set<String> listed;
    private final List<Pattern> patterns;
    /** A comparison's operands as its value type reads them; null where one does not read. */
    private final Comparable<?>[] operands;
    private final Unusable unusable;

    /** Why a rule holds for nobody: the index of the value at fault (-1: the rule itself), and what is wrong. */
    public record Unusable(int value, String problem) {

        /** As a log line says it. */
        public String explained() {
            return (value < 0 ? "the rule " : "values[" + value + "] ") + problem;
        }
    }

    private EvaluableRule(AdvancedRule rule) {
        this.rule = rule;
        List<String> values = rule.values() == null ? List.of() : rule.values();
        this.texts = values.stream().filter(Objects::nonNull).map(this::comparable).toList();
        this.listed = new HashSet<>(texts);
        List<Pattern> compiled = new ArrayList<>();
        this.unusable = unusable(rule, values, compiled);
        this.patterns = List.copyOf(compiled);
        this.operands = rule.operator() != null && rule.operator().isComparison()
                ? values.stream().map(v -> RuleValues.read(rule.effectiveValueType(), v)).toArray(Comparable<?>[]::new)
                : new Comparable<?>[0];
    }

    public static EvaluableRule of(AdvancedRule rule) {
        return new EvaluableRule(rule);
    }

    public AdvancedRule rule() {
        return rule;
    }

    /** Why this rule holds for nobody, when it does. */
    public Optional<Unusable> unusable() {
        return Optional.ofNullable(unusable);
    }

    /** A comparison's operand as its value type reads it, or null when it does not read. */
    Comparable<?> operand(int index) {
        return operands[index];
    }

    /**
     * Whether the rule holds for a client that sent {@code clientValue} (null or empty: nothing) for the attribute
     * it reads. Never throws: a rule that fails on a value fails closed (the task is not for this client), and the
     * request is answered.
     */
    public boolean test(String clientValue) {
        if (unusable != null) {
            return false;
        }
        try {
            return rule.inverted() != holds(clientValue == null || clientValue.isEmpty() ? null : clientValue);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(System.Logger.Level.DEBUG, "a {0} rule failed on a client''s value and holds for nobody: {1}",
                    rule.type(), e);
            return false;
        }
    }

    private boolean holds(String value) {
        if (value == null) {
            return rule.operator() == RuleOperator.NOT_IN;
        }
        return switch (rule.operator()) {
            case IN -> listed.contains(comparable(value));
            case NOT_IN -> !listed.contains(comparable(value));
            case STARTS_WITH, ENDS_WITH, CONTAINS -> anyText(value);
            case REGEX -> anyPattern(value);
            case EQ, NEQ, GT, GTE, LT, LTE, BETWEEN -> compares(value);
        };
    }

    private boolean anyText(String value) {
        String v = comparable(value);
        for (String text : texts) {
            boolean hit = switch (rule.operator()) {
                case STARTS_WITH -> v.startsWith(text);
                case ENDS_WITH -> v.endsWith(text);
                default -> v.contains(text);
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private boolean anyPattern(String value) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(value).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean compares(String value) {
        Comparable<?> client = RuleValues.read(rule.effectiveValueType(), value);
        if (client == null || operands.length == 0 || operands[0] == null) {
            return false;
        }
        int first = compare(client, operands[0]);
        return switch (rule.operator()) {
            case EQ -> first == 0;
            case NEQ -> first != 0;
            case GT -> first > 0;
            case GTE -> first >= 0;
            case LT -> first < 0;
            case LTE -> first <= 0;
            case BETWEEN -> operands.length == 2 && operands[1] != null && first >= 0
                    && compare(client, operands[1]) <= 0;
            default -> false;
        };
    }

    /** Values read by one value type are of one class. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Comparable left, Comparable right) {
        return left.compareTo(right);
    }

    private String comparable(String value) {
        return rule.caseInsensitive() ? value.toLowerCase(Locale.ROOT) : value;
    }

    /**
     * Why the rule cannot be evaluated, or null; compiles a REGEX rule's patterns {@code into} the list. A pattern's
     * problem comes first, as validation reports it whatever else is wrong with the rule.
     */
    private static Unusable unusable(AdvancedRule rule, List<String> values, List<Pattern> into) {
        if (rule.operator() == null) {
            return new Unusable(-1, "has no operator");
        }
        Unusable pattern = rule.operator() == RuleOperator.REGEX ? compile(values, rule.caseInsensitive(), into) : null;
        if (pattern != null) {
            return pattern;
        }
        if (rule.type() == null) {
            return new Unusable(-1, "reads no attribute: it has no type");
        }
        if (rule.type() == RuleType.CUSTOM && rule.attribute() == null) {
            return new Unusable(-1, "reads no attribute: a CUSTOM rule names one");
        }
        return null;
    }

    /**
     * Every pattern, or why one cannot be evaluated. Bounded before it is compiled: compiling a pattern of nested
     * repetitions is itself the harm.
     */
    private static Unusable compile(List<String> values, boolean caseInsensitive, List<Pattern> into) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                return new Unusable(i, "is missing");
            }
            Optional<String> tooCostly = RegexLimits.problem(value);
            if (tooCostly.isPresent()) {
                return new Unusable(i, "is too costly a regular expression: it " + tooCostly.get());
            }
            try {
                into.add(Pattern.compile(value, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0));
            } catch (PatternSyntaxException e) {
                return new Unusable(i, "is not a regular expression in RE2 syntax: " + e.getDescription());
            } catch (RuntimeException | StackOverflowError e) {
                return new Unusable(i, "cannot be compiled as a regular expression: " + e);
            }
        }
        return null;
    }
}
