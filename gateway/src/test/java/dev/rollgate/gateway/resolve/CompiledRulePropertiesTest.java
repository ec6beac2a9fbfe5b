package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.Platform;
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

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledRulePropertiesTest {

    /** Operands that are versions, numbers, dates and plain words at once, and all valid RE2 patterns. */
    private static final List<String> OPERANDS = List.of("beta", "Beta", "1.5", "1.25", "10.2", "10.2.0",
            "1.0.0-rc.1", "-3", "2026-12-01T00:00:00Z", "2026-12-01T08:00:00+08:00", "SM-", "^S", "o$", "");

    @Provide
    Arbitrary<AdvancedRule> rules() {
        return Combinators.combine(Arbitraries.of(RuleType.class), Arbitraries.of(RuleOperator.class), operands(),
                        Arbitraries.of(true, false), Arbitraries.of(ValueType.class).injectNull(0.3))
                .as((type, operator, values, caseInsensitive, valueType) -> new AdvancedRule(type,
                        type == RuleType.CUSTOM ? CompiledRuleTest.ATTRIBUTE : null, operator, values, false,
                        caseInsensitive, type == RuleType.CUSTOM ? valueType : null));
    }

    private static Arbitrary<List<String>> operands() {
        return Arbitraries.of(OPERANDS).list().ofMinSize(1).ofMaxSize(3);
    }

    /** Operands, their case variants and arbitrary text; null and empty for a missing attribute. */
    private static Arbitrary<String> values() {
        Arbitrary<String> known = Arbitraries.of(OPERANDS);
        return Arbitraries.oneOf(known, known.map(v -> v.toUpperCase(Locale.ROOT)), known.map(v -> v + "o"),
                Arbitraries.strings().ofMaxLength(12)).injectNull(0.15);
    }

    @Provide
    Arbitrary<ClientContext> clients() {
        return Combinators.combine(values(), values(), values(), values(), values(),
                        Arbitraries.longs().between(1_700_000_000L, 1_900_000_000L))
                .as((city, model, network, osVersion, custom, epochSecond) -> {
                    Map<String, String> attributes = new HashMap<>();
                    if (custom != null) {
                        attributes.put(CompiledRuleTest.ATTRIBUTE, custom);
                    }
                    return new ClientContext(Platform.ANDROID, Version.parse("10.2.0"), "alice", null, city, model,
                            network, osVersion, attributes, Set.of(), Instant.ofEpochSecond(epochSecond));
                });
    }

    @Provide
    Arbitrary<String> presentValues() {
        return values().filter(v -> v != null && !v.isEmpty());
    }

    private static AdvancedRule inverted(AdvancedRule rule, boolean inverted) {
        return new AdvancedRule(rule.type(), rule.attribute(), rule.operator(), rule.values(), inverted,
                rule.caseInsensitive(), rule.valueType());
    }

    @Property
    void invertedAlwaysFlipsTheResult(@ForAll("rules") AdvancedRule rule, @ForAll("clients") ClientContext client) {
        boolean plain = new CompiledRule(inverted(rule, false)).test(client);
        boolean flipped = new CompiledRule(inverted(rule, true)).test(client);
        assertThat(flipped).isEqualTo(!plain);
    }

    @Property
    void inAndNotInAreComplementaryWhenTheAttributeIsPresent(@ForAll("rules") AdvancedRule rule,
                                                             @ForAll("presentValues") String value) {
        ClientContext client = CompiledRuleTest.client(rule.type(), value);
        AdvancedRule in = new AdvancedRule(rule.type(), rule.attribute(), RuleOperator.IN, rule.values(),
                rule.inverted(), rule.caseInsensitive(), null);
        AdvancedRule notIn = new AdvancedRule(rule.type(), rule.attribute(), RuleOperator.NOT_IN, rule.values(),
                rule.inverted(), rule.caseInsensitive(), null);
        assertThat(new CompiledRule(notIn).test(client)).isEqualTo(!new CompiledRule(in).test(client));
    }
}
