package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.rule.EvaluableRule;
import org.jboss.logging.Logger;

/**
 * One advanced rule with its operands read once, when the ruleset is loaded, so that a client costs only the
 * comparison. What a rule means is the contracts' {@link EvaluableRule}, the reading release-service validated it
 * with; this only picks the client's value the rule reads.
 */
public final class CompiledRule {

    private static final Logger LOG = Logger.getLogger(CompiledRule.class);

    private final EvaluableRule evaluable;
    private final int slot;

    public CompiledRule(AdvancedRule rule) {
        this(rule, -1);
    }

    /** @param slot its number among its segment's distinct rules ({@link SharedTests}), -1 when it has none */
    CompiledRule(AdvancedRule rule, int slot) {
        this.evaluable = EvaluableRule.of(rule);
        this.slot = slot;
        // Release-service refuses such a rule; one that reached a ruleset anyway holds for nobody.
        evaluable.unusable().ifPresent(why -> LOG.warnf("a %s %s rule cannot be evaluated and holds for nobody: %s",
                rule.type(), rule.operator(), why.explained()));
    }

    int slot() {
        return slot;
    }

    public AdvancedRule rule() {
        return evaluable.rule();
    }

    /** The value this rule reads from the client, as the client sent it (null when absent). */
    public String clientValue(ClientContext client) {
        AdvancedRule rule = evaluable.rule();
        if (rule.type() == null || rule.type() == RuleType.CUSTOM && rule.attribute() == null) {
            return null; // a rule that reads nothing, which EvaluableRule holds for nobody
        }
        String value = client.attribute(rule.type(), rule.attribute());
        return value == null || value.isEmpty() ? null : value;
    }

    /** Never throws: a rule that fails on a value fails closed, and the request is answered. */
    public boolean test(ClientContext client) {
        return evaluable.test(clientValue(client));
    }
}
