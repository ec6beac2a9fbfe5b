package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.contracts.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CompiledRuleTest {

    static final String ATTRIBUTE = "channel";
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    static AdvancedRule rule(RuleType type, RuleOperator operator, List<String> values, boolean inverted,
                             boolean caseInsensitive) {
        return new AdvancedRule(type, type == RuleType.CUSTOM ? ATTRIBUTE : null, operator, values, inverted,
                caseInsensitive, null);
    }

    static AdvancedRule custom(String attribute, RuleOperator operator, ValueType valueType, String values,
                               boolean inverted) {
        return new AdvancedRule(RuleType.CUSTOM, attribute, operator, List.of(values.split("\\|")), inverted, false,
                valueType);
    }

    /** A client that sends {@code value} (null: nothing) for the attribute the rule type reads, and no other. */
    static ClientContext client(RuleType type, String value) {
        Map<String, String> attributes = new HashMap<>();
        if (type == RuleType.CUSTOM && value != null) {
            attributes.put(ATTRIBUTE, value);
        }
        return new ClientContext(Platform.ANDROID, Version.parse("10.2.0"), "alice", "device-1",
                type == RuleType.CITY ? value : null, type == RuleType.MODEL ? value : null,
                type == RuleType.NETWORK ? value : null, type == RuleType.OS_VERSION ? value : null,
                attributes, Set.of(), NOW);
    }

    static ClientContext withAttributes(Map<String, String> attributes, Instant now) {
        return new ClientContext(Platform.IOS, Version.parse("10.2.0"), "alice", null, null, null, null, null,
                attributes, Set.of(), now);
    }

    private static boolean test(AdvancedRule rule, ClientContext client) {
        return new CompiledRule(rule).test(client);
    }

    // operator; rule values; client value; holds case-sensitively; holds case-insensitively
    private static final String[] OPERATOR_TABLE = {
            "IN; Beta|Gamma; Beta; true; true",
            "IN; Beta|Gamma; beta; false; true",
            "IN; Beta|Gamma; Delta; false; false",
            "NOT_IN; Beta|Gamma; Gamma; false; false",
            "NOT_IN; Beta|Gamma; gamma; true; false",
            "NOT_IN; Beta|Gamma; Delta; true; true",
            "EQ; 10.2; 10.2.0; true; true",
            "EQ; 10.2; 10.2.1; false; false",
            "NEQ; 10.2; 10.3; true; true",
            "NEQ; 10.2; 10.2.0; false; false",
            "GT; 10.2; 10.10; true; true",
            "GT; 10.2; 10.2; false; false",
            "GTE; 10.2; 10.2.0; true; true",
            "GTE; 10.2; 10.1.9; false; false",
            "LT; 10.2; 9.9; true; true",
            "LT; 10.2; 10.2; false; false",
            "LTE; 10.2; 10.2.0; true; true",
            "LTE; 10.2; 10.2.1; false; false",
            "BETWEEN; 12|14.2; 12; true; true",
            "BETWEEN; 12|14.2; 13.5; true; true",
            "BETWEEN; 12|14.2; 14.2.0; true; true",
            "BETWEEN; 12|14.2; 11.9; false; false",
            "BETWEEN; 12|14.2; 14.2.1; false; false",
            "STARTS_WITH; SM-; SM-S918B; true; true",
            "STARTS_WITH; SM-; sm-s918b; false; true",
            "STARTS_WITH; SM-; XSM-S918B; false; false",
            "STARTS_WITH; SM-|Pixel; Pixel 8; true; true",
            "STARTS_WITH; SM-|Pixel; iPhone 15; false; false",
            "ENDS_WITH; Pro|Max; iPhone 15 Max; true; true",
            "CONTAINS; beta|rc; 1.0-RC2; false; true",
            "ENDS_WITH; Pro; iPhone15Pro; true; true",
            "ENDS_WITH; Pro; iphone15PRO; false; true",
            "ENDS_WITH; Pro; Pro Max; false; false",
            "CONTAINS; Galaxy; SamsungGalaxyS23; true; true",
            "CONTAINS; Galaxy; samsungGALAXYs23; false; true",
            "CONTAINS; Galaxy; Galax; false; false",
            "REGEX; S9[0-9]{2}; SM-S918B; true; true",
            "REGEX; S9[0-9]{2}; sm-s918b; false; true",
            "REGEX; ^S9[0-9]{2}; SM-S918B; false; false",
            "REGEX; ^iPhone|^SM-; SM-S918B; true; true",
    };

    static Stream<Arguments> everyOperatorOnEveryType() {
        return Arrays.stream(OPERATOR_TABLE).map(row -> row.split("; ")).flatMap(row ->
                Arrays.stream(RuleType.values()).flatMap(type -> Stream.of(false, true).map(caseInsensitive ->
                        Arguments.of(type, RuleOperator.valueOf(row[0]), row[1], row[2], caseInsensitive,
                                Boolean.parseBoolean(caseInsensitive ? row[4] : row[3])))));
    }

    @ParameterizedTest(name = "{0} {1} {2} on \"{3}\", caseInsensitive={4}: {5}")
    @MethodSource("everyOperatorOnEveryType")
    void everyOperatorHoldsOnEveryTypeAndInvertedFlipsIt(RuleType type, RuleOperator operator, String values,
                                                          String clientValue, boolean caseInsensitive,
                                                          boolean holds) {
        List<String> operands = List.of(values.split("\\|"));
        ClientContext client = client(type, clientValue);
        assertThat(test(rule(type, operator, operands, false, caseInsensitive), client)).isEqualTo(holds);
        assertThat(test(rule(type, operator, operands, true, caseInsensitive), client)).isEqualTo(!holds);
    }

    static Stream<Arguments> everyOperatorWithoutTheAttribute() {
        return Arrays.stream(RuleType.values()).flatMap(type -> Arrays.stream(RuleOperator.values())
                .flatMap(operator -> Stream.of(false, true).flatMap(inverted -> Stream.of(false, true)
                        .flatMap(caseInsensitive -> Stream.of(null, "")
                                .map(absent -> Arguments.of(type, operator, inverted, caseInsensitive, absent))))));
    }

    @ParameterizedTest(name = "{0} {1} inverted={2} caseInsensitive={3} value=[{4}]")
    @MethodSource("everyOperatorWithoutTheAttribute")
    void aMissingAttributeIsInNoList(RuleType type, RuleOperator operator, boolean inverted, boolean caseInsensitive,
                                     String absent) {
        // Operands an empty string would satisfy if it were read as a value rather than as missing.
        List<String> values = switch (operator) {
            case REGEX -> List.of(".*");
            case BETWEEN -> List.of("0", "99");
            case EQ, NEQ, GT, GTE, LT, LTE -> List.of("1");
            default -> List.of("", "x");
        };
        boolean expected = (operator == RuleOperator.NOT_IN) != inverted;
        assertThat(test(rule(type, operator, values, inverted, caseInsensitive), client(type, absent)))
                .isEqualTo(expected);
    }

    @Test
    void aCustomRuleReadsOnlyItsNamedAttribute() {
        AdvancedRule beta = custom(ATTRIBUTE, RuleOperator.IN, null, "beta", false);
        assertThat(test(beta, withAttributes(Map.of("ring", "beta"), NOW))).isFalse();
        assertThat(test(beta, withAttributes(Map.of(ATTRIBUTE, "beta", "ring", "stable"), NOW))).isTrue();
    }

    @ParameterizedTest(name = "{1} {0} {2}: {3}")
    @CsvSource({
            "EQ,  10.2,        10.2.0,      true",
            "EQ,  10.2.0.0,    10.2,        true",
            "NEQ, 10.2,        10.2.0,      false",
            "LT,  1.0.0,       1.0.0-rc.1,  true",
            "GT,  1.0.0-rc.1,  1.0.0,       true",
            "LT,  1.0.0-rc.10, 1.0.0-rc.2,  true",
            "LT,  1.0.0-rc.1,  1.0.0-beta,  true",
            "GT,  1.0.0.9,     1.0.0.10,    true",
            "EQ,  1.0.0.10,    1.0.0.9,     false",
            "GT,  9,           10,          true",
    })
    void comparisonsReadVersionsByDefault(RuleOperator operator, String operand, String clientValue, boolean holds) {
        assertThat(test(rule(RuleType.OS_VERSION, operator, List.of(operand), false, false),
                client(RuleType.OS_VERSION, clientValue))).isEqualTo(holds);
    }

    static Stream<Arguments> comparisonsAgainstUnparseableValues() {
        return Stream.of("EQ", "NEQ", "GT", "GTE", "LT", "LTE", "BETWEEN").map(RuleOperator::valueOf)
                .flatMap(operator -> Stream.of("10.x", "v10.2", "1..2", "10.2-", "10.2 ", "abc")
                        .map(value -> Arguments.of(operator, value)));
    }

    @ParameterizedTest(name = "{0} on \"{1}\"")
    @MethodSource("comparisonsAgainstUnparseableValues")
    void anUnparseableClientVersionNeverMatchesNotEvenNeq(RuleOperator operator, String clientValue) {
        List<String> operands = operator == RuleOperator.BETWEEN ? List.of("0", "99") : List.of("10.2");
        ClientContext client = client(RuleType.OS_VERSION, clientValue);
        assertThat(test(rule(RuleType.OS_VERSION, operator, operands, false, false), client)).isFalse();
        assertThat(test(rule(RuleType.OS_VERSION, operator, operands, true, false), client)).isTrue();
    }

    @Test
    void anUnparseableOperandNeverMatches() {
        assertThat(test(rule(RuleType.MODEL, RuleOperator.EQ, List.of("abc"), false, false),
                client(RuleType.MODEL, "abc"))).isFalse();
        assertThat(test(rule(RuleType.MODEL, RuleOperator.NEQ, List.of("abc"), false, false),
                client(RuleType.MODEL, "10.2"))).isFalse();
        assertThat(test(rule(RuleType.MODEL, RuleOperator.BETWEEN, List.of("1"), false, false),
                client(RuleType.MODEL, "1"))).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} on \"{2}\": {3}")
    @CsvSource(delimiter = ';', value = {
            "GT; 1.25; 1.5; true",
            "LT; 1.25; 1.5; false",
            "EQ; 1.5; 1.50; true",
            "NEQ; 1.5; 1.50; false",
            "GTE; 10; 9.99; false",
            "LT; 0; -0.5; true",
            "BETWEEN; 1.25|1.5; 1.25; true",
            "BETWEEN; 1.25|1.5; 1.5; true",
            "BETWEEN; 1.25|1.5; 1.500001; false",
            "GT; 1; 1.5abc; false",
            "NEQ; 1; abc; false",
            "NEQ; 1; NaN; false",
            "NEQ; 1; 1,5; false",
    })
    void numberRulesCompareDecimals(RuleOperator operator, String values, String clientValue, boolean holds) {
        ClientContext client = withAttributes(Map.of("battery", clientValue), NOW);
        assertThat(test(custom("battery", operator, ValueType.NUMBER, values, false), client)).isEqualTo(holds);
        assertThat(test(custom("battery", operator, ValueType.NUMBER, values, true), client)).isEqualTo(!holds);
    }

    @Test
    void blanksAroundAnOperandDoNotCountAsReleaseServiceAcceptedThem() {
        ClientContext client = withAttributes(Map.of("battery", "2", "seen", "2026-12-02T00:00:00Z"), NOW);
        assertThat(test(custom("battery", RuleOperator.GT, ValueType.NUMBER, " 1.5", false), client)).isTrue();
        assertThat(test(custom("seen", RuleOperator.GT, ValueType.DATE, "2026-12-01T00:00:00Z ", false), client))
                .isTrue();
        String longDecimal = "1." + "0".repeat(100);
        assertThat(test(custom("battery", RuleOperator.GT, ValueType.NUMBER, longDecimal, false), client)).isTrue();
    }

    @Test
    void withoutAValueTypeDecimalsCompareAsVersions() {
        ClientContext client = withAttributes(Map.of("battery", "1.5"), NOW);
        assertThat(test(custom("battery", RuleOperator.GT, null, "1.25", false), client)).isFalse();
        assertThat(test(custom("battery", RuleOperator.GT, ValueType.NUMBER, "1.25", false), client)).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} on \"{2}\": {3}")
    @CsvSource(delimiter = ';', value = {
            "EQ; 2026-12-01T08:00:00+08:00; 2026-12-01T00:00:00Z; true",
            "GT; 2026-12-01T00:00:00Z; 2026-12-01T00:00:00.001Z; true",
            "LT; 2026-12-01T00:00:00Z; 2026-12-01T07:59:59+08:00; true",
            "GT; 2026-12-01T00:00:00Z; 2026-11-30T19:00:00-05:00; false",
            "GTE; 2026-12-01T00:00:00Z; 2026-11-30T19:00:00-05:00; true",
            "BETWEEN; 2026-12-01T00:00:00Z|2026-12-02T00:00:00Z; 2026-12-02T08:00:00+08:00; true",
            "BETWEEN; 2026-12-01T00:00:00Z|2026-12-02T00:00:00Z; 2026-12-02T08:00:01+08:00; false",
            "NEQ; 2026-12-01T00:00:00Z; 2026-12-01; false",
            "NEQ; 2026-12-01T00:00:00Z; 2026-12-01T00:00:00; false",
            "NEQ; 2026-12-01T00:00:00Z; tomorrow; false",
    })
    void dateRulesCompareInstantsAcrossOffsets(RuleOperator operator, String values, String clientValue,
                                               boolean holds) {
        ClientContext client = withAttributes(Map.of("signupAt", clientValue), NOW);
        assertThat(test(custom("signupAt", operator, ValueType.DATE, values, false), client)).isEqualTo(holds);
        assertThat(test(custom("signupAt", operator, ValueType.DATE, values, true), client)).isEqualTo(!holds);
    }

    @Test
    void currentTimeIsTheClockWhenTheClientDoesNotSendIt() {
        AdvancedRule december1st = custom(ClientContext.CURRENT_TIME, RuleOperator.BETWEEN, ValueType.DATE,
                "2026-12-01T00:00:00Z|2026-12-02T00:00:00+00:00", false);
        assertThat(test(december1st, withAttributes(Map.of(), NOW))).isTrue();
        assertThat(test(december1st, withAttributes(Map.of(), Instant.parse("2026-12-01T23:59:59.999999999Z"))))
                .isTrue();
        assertThat(test(december1st, withAttributes(Map.of(), Instant.parse("2026-12-02T00:00:00Z")))).isTrue();
        assertThat(test(december1st, withAttributes(Map.of(), Instant.parse("2026-12-02T00:00:00.001Z")))).isFalse();
        assertThat(test(december1st, withAttributes(Map.of(ClientContext.CURRENT_TIME, "2026-12-05T00:00:00Z"), NOW)))
                .isFalse();
        AdvancedRule beforeNextYear = custom("signupAt", RuleOperator.LT, ValueType.DATE, "2027-01-01T00:00:00Z", false);
        assertThat(test(beforeNextYear, withAttributes(Map.of(), NOW))).as("only currentTime defaults").isFalse();
    }

    @Test
    void aRegexFindsItsPatternAnywhereUnlessAnchoredAndMayIgnoreCase() {
        ClientContext client = client(RuleType.MODEL, "SM-S918B");
        assertThat(test(rule(RuleType.MODEL, RuleOperator.REGEX, List.of("S9"), false, false), client)).isTrue();
        assertThat(test(rule(RuleType.MODEL, RuleOperator.REGEX, List.of("^SM-S9[0-9]{2}$"), false, false), client))
                .isFalse();
        assertThat(test(rule(RuleType.MODEL, RuleOperator.REGEX, List.of("^SM-S9[0-9]{2}[A-Z]$"), false, false),
                client)).isTrue();
        assertThat(test(rule(RuleType.MODEL, RuleOperator.REGEX, List.of("^sm-s9"), false, true), client)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"(?=S)SM", "(?<!x)SM", "(S)\\1"})
    void aRegexIsRe2SoLookAroundAndBackReferencesHoldForNobody(String pattern) {
        for (boolean inverted : new boolean[] {false, true}) {
            AdvancedRule rule = rule(RuleType.MODEL, RuleOperator.REGEX, List.of(pattern), inverted, false);
            assertThat(test(rule, client(RuleType.MODEL, "SM-S918B"))).isFalse();
            assertThat(test(rule, client(RuleType.MODEL, null))).isFalse();
        }
    }

    /** Release-service refuses these; one that reached a ruleset anyway must not take the gateway down. */
    @ParameterizedTest
    @ValueSource(strings = {"(?:(?:.*){1000}){1000}", "((a{100}){100}){100}", "(((a{10}){10}){10}){10}"})
    void aPatternPastTheLimitsIsNotCompiledAndFailsClosedEvenInverted(String pattern) {
        for (boolean inverted : new boolean[] {false, true}) {
            AdvancedRule rule = rule(RuleType.MODEL, RuleOperator.REGEX, List.of(pattern), inverted, false);
            ClientContext client = client(RuleType.MODEL, "a".repeat(256));
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> test(rule, client))).isFalse();
        }
    }

    @Test
    void aCatastrophicPatternRunsInLinearTime() {
        AdvancedRule rule = rule(RuleType.MODEL, RuleOperator.REGEX, List.of("^(a+)+$"), false, false);
        ClientContext client = client(RuleType.MODEL, "a".repeat(5_000) + "!");
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> test(rule, client))).isFalse();
    }
}
