package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.rule.RuleValidation;

import java.util.List;

/**
 * A task's advanced rule checked where it sits in the request ({@code rules[i]}). What is checked is the
 * contracts' {@link RuleValidation}: the gateway evaluates rules with the same reading of their operands, so a
 * rule accepted here is one it can evaluate.
 */
public final class RuleCheck {

    private RuleCheck() {
    }

    public static List<FieldError> problems(int index, AdvancedRule rule) {
        return RuleValidation.problems("rules[" + index + "]", rule);
    }
}
