package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCheckTest {

    private static AdvancedRule rule(RuleType type, String attribute, RuleOperator operator, List<String> values,
                                     ValueType valueType) {
        return new AdvancedRule(type, attribute, operator, values, false, false, valueType);
    }

    private static List<String> fields(AdvancedRule rule) {
        return RuleCheck.problems(0, rule).stream().map(FieldError::field).toList();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = ';', value = {
            "CITY; IN; Hangzhou|Shanghai",
            "CITY; NOT_IN; Beijing",
            "MODEL; STARTS_WITH; SM-",
            "MODEL; ENDS_WITH; Pro",
            "MODEL; CONTAINS; Galaxy",
            "MODEL; REGEX; ^SM-S9[0-9]{2}[A-Z]?$",
            "NETWORK; IN; WIFI|5G",
            "OS_VERSION; GTE; 12",
            "OS_VERSION; LT; 17.4.1",
            "OS_VERSION; EQ; 14.0",
            "OS_VERSION; NEQ; 1.0.0-rc.1",
            "OS_VERSION; BETWEEN; 12|14.2",
            "OS_VERSION; BETWEEN; 12|12.0",
    })
    void wellFormedRulesPass(RuleType type, RuleOperator operator, String values) {
        assertThat(RuleCheck.problems(0, rule(type, null, operator, List.of(values.split("\\|")), null))).isEmpty();
    }

    @Test
    void customRulesNameAnAttributeAndMayCompareNumbersOrDates() {
        assertThat(fields(rule(RuleType.CUSTOM, "batteryLevel", RuleOperator.GTE, List.of("20.5"), ValueType.NUMBER)))
                .isEmpty();
        assertThat(fields(rule(RuleType.CUSTOM, "currentTime", RuleOperator.BETWEEN,
                List.of("2026-12-01T00:00:00Z", "2026-12-02T00:00:00+08:00"), ValueType.DATE))).isEmpty();
        assertThat(fields(rule(RuleType.CUSTOM, "channel", RuleOperator.IN, List.of("beta"), null))).isEmpty();
        assertThat(fields(rule(RuleType.CUSTOM, null, RuleOperator.IN, List.of("beta"), null)))
                .containsExactly("rules[0].attribute");
        assertThat(fields(rule(RuleType.CUSTOM, "bad attribute!", RuleOperator.IN, List.of("beta"), null)))
                .containsExactly("rules[0].attribute");
        assertThat(fields(rule(RuleType.CUSTOM, "a".repeat(65), RuleOperator.IN, List.of("beta"), null)))
                .containsExactly("rules[0].attribute");
    }

    @ParameterizedTest
    @EnumSource(value = RuleType.class, names = {"CITY", "MODEL", "NETWORK", "OS_VERSION"})
    void onlyCustomRulesNameAnAttributeOrAValueType(RuleType type) {
        assertThat(fields(rule(type, "x", RuleOperator.IN, List.of("a"), null))).containsExactly("rules[0].attribute");
        assertThat(fields(rule(type, null, RuleOperator.GTE, List.of("1"), ValueType.NUMBER)))
                .containsExactly("rules[0].valueType");
    }

    @Test
    void typeAndOperatorAreRequired() {
        assertThat(fields(rule(null, null, null, List.of("a"), null)))
                .containsExactly("rules[0].type", "rules[0].operator");
        assertThat(fields(null)).containsExactly("rules[0]");
    }

    @Test
    void valuesArePresentAndBounded() {
        assertThat(fields(rule(RuleType.CITY, null, RuleOperator.IN, null, null))).containsExactly("rules[0].values");
        assertThat(fields(rule(RuleType.CITY, null, RuleOperator.IN, List.of(), null))).containsExactly("rules[0].values");
        assertThat(fields(rule(RuleType.CITY, null, RuleOperator.IN, Collections.nCopies(1001, "x"), null)))
                .containsExactly("rules[0].values");
        assertThat(fields(rule(RuleType.CITY, null, RuleOperator.IN, Collections.nCopies(1000, "x"), null))).isEmpty();
        assertThat(fields(rule(RuleType.CITY, null, RuleOperator.IN, List.of("ok", "c".repeat(257)), null)))
                .containsExactly("rules[0].values[1]");
        assertThat(fields(rule(RuleType.CITY, null, RuleOperator.IN, java.util.Arrays.asList("ok", null), null)))
                .containsExactly("rules[0].values[1]");
    }

    @ParameterizedTest
    @EnumSource(value = RuleOperator.class, names = {"EQ", "NEQ", "GT", "GTE", "LT", "LTE", "REGEX"})
    void singleValueOperatorsTakeExactlyOne(RuleOperator operator) {
        assertThat(fields(rule(RuleType.OS_VERSION, null, operator, List.of("1", "2"), null)))
                .containsExactly("rules[0].values");
    }

    @ParameterizedTest
    @EnumSource(value = RuleOperator.class, names = {"STARTS_WITH", "ENDS_WITH", "CONTAINS"})
    void textOperatorsTakeSeveralValuesAndHoldForAny(RuleOperator operator) {
        assertThat(fields(rule(RuleType.MODEL, null, operator, List.of("SM-", "Pixel", "iPhone"), null))).isEmpty();
        assertThat(fields(rule(RuleType.MODEL, null, operator, List.of(), null))).containsExactly("rules[0].values");
    }

    @Test
    void betweenTakesTwoOrderedValues() {
        assertThat(fields(rule(RuleType.OS_VERSION, null, RuleOperator.BETWEEN, List.of("12"), null)))
                .containsExactly("rules[0].values");
        assertThat(fields(rule(RuleType.OS_VERSION, null, RuleOperator.BETWEEN, List.of("14", "12"), null)))
                .containsExactly("rules[0].values");
        assertThat(fields(rule(RuleType.CUSTOM, "n", RuleOperator.BETWEEN, List.of("1.5", "1.25"), ValueType.NUMBER)))
                .containsExactly("rules[0].values");
    }

    @Test
    void comparedValuesMustParseAsTheirType() {
        assertThat(fields(rule(RuleType.OS_VERSION, null, RuleOperator.GT, List.of("Hangzhou"), null)))
                .containsExactly("rules[0].values[0]");
        assertThat(fields(rule(RuleType.CUSTOM, "n", RuleOperator.GT, List.of("1,5"), ValueType.NUMBER)))
                .containsExactly("rules[0].values[0]");
        assertThat(fields(rule(RuleType.CUSTOM, "d", RuleOperator.LT, List.of("tomorrow"), ValueType.DATE)))
                .containsExactly("rules[0].values[0]");
        assertThat(fields(rule(RuleType.CUSTOM, "d", RuleOperator.IN, List.of("x"), ValueType.DATE)))
                .containsExactly("rules[0].valueType");
    }

    @Test
    void aRegexMustCompileInRe2() {
        assertThat(fields(rule(RuleType.MODEL, null, RuleOperator.REGEX, List.of("(unclosed"), null)))
                .containsExactly("rules[0].values[0]");
        // Look-around and back-references need backtracking; RE2 refuses them.
        assertThat(fields(rule(RuleType.MODEL, null, RuleOperator.REGEX, List.of("(?=SM)"), null)))
                .containsExactly("rules[0].values[0]");
        assertThat(fields(rule(RuleType.MODEL, null, RuleOperator.REGEX, List.of("(a)\\1"), null)))
                .containsExactly("rules[0].values[0]");
    }

    @Test
    void aPatternThatWouldCompileHugeIsRefusedBeforeItIsCompiled() {
        for (String pattern : List.of("(?:(?:.*){1000}){1000}", "((a{100}){100}){100}", "(((a{10}){10}){10}){10}")) {
            List<FieldError> errors = RuleCheck.problems(0, rule(RuleType.MODEL, null, RuleOperator.REGEX,
                    List.of(pattern), null));
            assertThat(errors).extracting(FieldError::field).containsExactly("rules[0].values[0]");
            assertThat(errors.getFirst().message()).contains("too costly");
        }
    }

    @Property
    void betweenAcceptsAnyVersionPairInOrderAndRefusesItReversed(@ForAll @IntRange(max = 999) int a,
                                                                   @ForAll @IntRange(max = 999) int b,
                                                                   @ForAll @IntRange(max = 99) int minor) {
        String low = Math.min(a, b) + "." + minor;
        String high = Math.max(a, b) + "." + minor;
        assertThat(fields(rule(RuleType.OS_VERSION, null, RuleOperator.BETWEEN, List.of(low, high), null))).isEmpty();
        if (a != b) {
            assertThat(fields(rule(RuleType.OS_VERSION, null, RuleOperator.BETWEEN, List.of(high, low), null)))
                    .containsExactly("rules[0].values");
        }
    }
}
