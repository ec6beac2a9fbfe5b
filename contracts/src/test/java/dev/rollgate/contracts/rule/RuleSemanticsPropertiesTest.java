package dev.rollgate.contracts.rule;

import com.google.re2j.Pattern;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.RegexLimits;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.contracts.version.Version;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validation and evaluation are one reading of a rule: a rule {@link RuleValidation} accepts is evaluated by
 * {@link EvaluableRule} as the rule says, and a rule it refuses is refused for a reason a simple reading of the
 * rule spec finds too, named by a field error. The expectations here are that simple reading, written apart from
 * the code under test.
 */
class RuleSemanticsPropertiesTest {

    private static final String AT = "rules[0]";

    private static final List<String> VERSIONS = List.of("10.2", "10.2.0", "12", "14.2", "1.0.0-rc.1", "1.0.0-RC.1",
            "9", "v10");
    private static final List<String> NUMBERS = List.of("1.5", "1.25", " 1.5", "-3", "1e3", "12", "NaN", "1,5");
    private static final List<String> DATES = List.of("2026-12-01T00:00:00Z", "2026-12-01T08:00:00+08:00",
            "2026-12-02T00:00:00Z ", "2026-12-01", "tomorrow");
    private static final List<String> TEXTS = List.of("beta", "Beta", "SM-", "Pro", "Galaxy", "o", "10.2");
    private static final List<String> PATTERNS = List.of("^S9[0-9]{2}", "^sm-", "o$", ".*", "B|b", "(unclosed",
            "(?=x)", "(a)\\1", "((a{100}){100}){100}", "a{1001}");
    /** Values that read as versions, numbers, dates, text and patterns, some as several, some as none. */
    private static final List<String> VALUES = java.util.stream.Stream.of(VERSIONS, NUMBERS, DATES, TEXTS, PATTERNS)
            .flatMap(List::stream).toList();
    /** Values no rule may hold. */
    private static final Arbitrary<String> UNBOUNDED =
            Arbitraries.of("", "x".repeat(RuleValues.MAX_VALUE_LENGTH + 1)).injectNull(0.3);

    @Provide
    Arbitrary<AdvancedRule> rules() {
        Arbitrary<RuleType> type = Arbitraries.of(RuleType.class).injectNull(0.03);
        Arbitrary<RuleOperator> operator = Arbitraries.of(RuleOperator.class).injectNull(0.03);
        Arbitrary<String> attribute = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("channel", "battery.level", "signup-at")),
                Tuple.of(1, Arbitraries.of("bad name!", "", "a".repeat(65))));
        Arbitrary<ValueType> valueType = Arbitraries.of(ValueType.class).injectNull(0.5);
        Arbitrary<AdvancedRule> shapes = Combinators.combine(type, operator, attribute.injectNull(0.05), valueType,
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((t, o, a, vt, inverted, caseInsensitive, plain) -> {
                    // Mostly rules whose attribute and value type are where they belong, so that many pass.
                    String name = t == RuleType.CUSTOM ? a : plain ? null : "x";
                    ValueType read = t == RuleType.CUSTOM && (o == null || o.isComparison()) || !plain ? vt : null;
                    return new AdvancedRule(t, name, o, null, inverted, caseInsensitive, read);
                });
        return shapes.flatMap(shape -> Arbitraries.frequencyOf(Tuple.of(6, fitting(shape)), Tuple.of(1, anyValues()))
                .map(values -> new AdvancedRule(shape.type(), shape.attribute(), shape.operator(), values,
                        shape.inverted(), shape.caseInsensitive(), shape.valueType())));
    }

    /** As many values as the operator takes, of the kind it reads; not all of them read. */
    private static Arbitrary<List<String>> fitting(AdvancedRule shape) {
        RuleOperator operator = shape.operator() == null ? RuleOperator.IN : shape.operator();
        List<String> pool = operator == RuleOperator.REGEX ? PATTERNS : !operator.isComparison() ? TEXTS
                : switch (shape.effectiveValueType()) {
                    case VERSION -> VERSIONS;
                    case NUMBER -> NUMBERS;
                    case DATE -> DATES;
                };
        int takes = switch (operator) {
            case BETWEEN -> 2;
            case EQ, NEQ, GT, GTE, LT, LTE, REGEX -> 1;
            default -> 3;
        };
        return Arbitraries.of(pool).list().ofMinSize(takes == 3 ? 1 : takes).ofMaxSize(takes);
    }

    private static Arbitrary<List<String>> anyValues() {
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of(VALUES)), Tuple.of(1, UNBOUNDED));
        return value.list().ofMinSize(0).ofMaxSize(3).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> clientValues() {
        Arbitrary<String> known = Arbitraries.of(VALUES);
        return Arbitraries.oneOf(known, known.map(v -> v.toUpperCase(Locale.ROOT)),
                known.map(v -> v.toLowerCase(Locale.ROOT)), known.map(v -> "x" + v + "o"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12), Arbitraries.of("", "SM-S918B"))
                .injectNull(0.1);
    }

    @Property(tries = 3000)
    void anAcceptedRuleEvaluatesAsItReadsARefusedOneIsExplained(@ForAll("rules") AdvancedRule rule,
                                                                 @ForAll("clientValues") String clientValue) {
        List<FieldError> problems = RuleValidation.problems(AT, rule);
        Set<String> faults = faults(rule);
        Statistics.label("accepted").collect(problems.isEmpty());
        // Both sides of the property are worth the tries: neither acceptance nor refusal may be rare.
        Statistics.label("accepted").coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 20);
            coverage.check(false).percentage(p -> p > 20);
        });
        if (problems.isEmpty()) {
            assertThat(faults).as("what the spec finds wrong").isEmpty();
            EvaluableRule evaluable = EvaluableRule.of(rule);
            assertThat(evaluable.unusable()).isEmpty();
            assertThat(evaluable.test(clientValue)).as("on %s", clientValue).isEqualTo(expected(rule, clientValue));
        } else {
            assertThat(faults).as("a refusal the spec explains").isNotEmpty();
            assertThat(problems).extracting(FieldError::field).allSatisfy(field -> assertThat(faults).contains(field));
            assertThat(problems).extracting(FieldError::message).allSatisfy(message -> assertThat(message).isNotBlank());
        }
    }

    @Property
    void aMissingAttributeIsInNoListAndInvertedFlipsEveryAnswer(@ForAll("rules") AdvancedRule rule,
                                                                @ForAll("clientValues") String clientValue) {
        EvaluableRule evaluable = EvaluableRule.of(rule);
        EvaluableRule flipped = EvaluableRule.of(new AdvancedRule(rule.type(), rule.attribute(), rule.operator(),
                rule.values(), !rule.inverted(), rule.caseInsensitive(), rule.valueType()));
        if (evaluable.unusable().isPresent()) {
            assertThat(evaluable.test(clientValue)).isFalse();
            assertThat(flipped.test(clientValue)).isFalse();
            return;
        }
        assertThat(flipped.test(clientValue)).isEqualTo(!evaluable.test(clientValue));
        boolean missing = (rule.operator() == RuleOperator.NOT_IN) != rule.inverted();
        assertThat(evaluable.test(null)).isEqualTo(missing);
        assertThat(evaluable.test("")).isEqualTo(missing);
    }

    /** The fields a simple reading of the rule spec finds at fault. */
    private static Set<String> faults(AdvancedRule rule) {
        Set<String> faults = new HashSet<>();
        if (rule.type() == null) {
            faults.add(AT + ".type");
        }
        if (rule.operator() == null) {
            faults.add(AT + ".operator");
        }
        boolean custom = rule.type() == RuleType.CUSTOM;
        if (custom ? rule.attribute() == null || !rule.attribute().matches("[A-Za-z0-9_.-]{1,64}")
                : rule.attribute() != null) {
            faults.add(AT + ".attribute");
        }
        boolean comparison = rule.operator() != null && rule.operator().isComparison();
        if (rule.valueType() != null && (!custom || rule.operator() != null && !comparison)) {
            faults.add(AT + ".valueType");
        }
        List<String> values = rule.values();
        if (values == null || values.isEmpty() || values.size() > 1000) {
            faults.add(AT + ".values");
            return faults;
        }
        boolean bounded = true;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isEmpty() || values.get(i).length() > 256) {
                faults.add(AT + ".values[" + i + "]");
                bounded = false;
            }
        }
        if (!bounded || rule.operator() == null) {
            return faults;
        }
        int takes = switch (rule.operator()) {
            case BETWEEN -> 2;
            case EQ, NEQ, GT, GTE, LT, LTE, REGEX -> 1;
            default -> values.size();
        };
        if (values.size() != takes) {
            faults.add(AT + ".values");
            return faults;
        }
        if (rule.operator() == RuleOperator.REGEX && !compiles(values.get(0))) {
            faults.add(AT + ".values[0]");
        }
        if (comparison) {
            List<Comparable<?>> read = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                Comparable<?> operand = read(rule.effectiveValueType(), values.get(i));
                if (operand == null) {
                    faults.add(AT + ".values[" + i + "]");
                }
                read.add(operand);
            }
            if (rule.operator() == RuleOperator.BETWEEN && !read.contains(null) && compare(read.get(0), read.get(1)) > 0) {
                faults.add(AT + ".values");
            }
        }
        return faults;
    }

    private static boolean compiles(String pattern) {
        if (RegexLimits.problem(pattern).isPresent()) {
            return false;
        }
        try {
            Pattern.compile(pattern);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The rule spec, read simply: what an accepted rule answers for a client that sent {@code value}. */
    private static boolean expected(AdvancedRule rule, String value) {
        boolean holds;
        if (value == null || value.isEmpty()) {
            holds = rule.operator() == RuleOperator.NOT_IN;
        } else {
            Function<String, String> asCompared = rule.caseInsensitive() ? v -> v.toLowerCase(Locale.ROOT) : v -> v;
            String client = asCompared.apply(value);
            List<String> texts = rule.values().stream().map(asCompared).toList();
            holds = switch (rule.operator()) {
                case IN -> texts.contains(client);
                case NOT_IN -> !texts.contains(client);
                case STARTS_WITH -> texts.stream().anyMatch(client::startsWith);
                case ENDS_WITH -> texts.stream().anyMatch(client::endsWith);
                case CONTAINS -> texts.stream().anyMatch(client::contains);
                case REGEX -> Pattern.compile(rule.values().getFirst(),
                        rule.caseInsensitive() ? Pattern.CASE_INSENSITIVE : 0).matcher(value).find();
                default -> compares(rule, value);
            };
        }
        return holds != rule.inverted();
    }

    private static boolean compares(AdvancedRule rule, String value) {
        Comparable<?> client = read(rule.effectiveValueType(), value);
        if (client == null) {
            return false;
        }
        int first = compare(client, read(rule.effectiveValueType(), rule.values().getFirst()));
        return switch (rule.operator()) {
            case EQ -> first == 0;
            case NEQ -> first != 0;
            case GT -> first > 0;
            case GTE -> first >= 0;
            case LT -> first < 0;
            case LTE -> first <= 0;
            case BETWEEN -> first >= 0 && compare(client, read(rule.effectiveValueType(), rule.values().get(1))) <= 0;
            default -> throw new IllegalArgumentException(rule.operator() + " compares nothing");
        };
    }

    /** Versions as {@link Version} orders them, decimals by value, instants across offsets; blanks aside. */
    private static Comparable<?> read(ValueType type, String text) {
        try {
            return switch (type) {
                case VERSION -> Version.parse(text);
                case NUMBER -> new BigDecimal(text.strip());
                case DATE -> OffsetDateTime.parse(text.strip()).toInstant();
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable left, Comparable right) {
        return left.compareTo(right);
    }
}
