package dev.rollgate.gateway.resolve;

import java.util.List;

/**
 * Every test an active task puts a client through before its audience: the ones {@link CompiledRelease#isCandidateFor}
 * stops at the first failure of, here all run, for a {@link ResolutionTrace} to hear.
 *
 * @param refusal the first test that refused the client (PAUSED, CLIENT_VERSION_OUT_OF_RANGE, RULE_FAILED), or
 *                null when the task is a candidate
 */
public record TaskTests(boolean clientVersionFits, List<RuleTest> rules, TaskOutcome refusal) {

    /** @param clientValue what the client sent for the rule's attribute; null when it sent nothing */
    public record RuleTest(CompiledRule rule, String clientValue, boolean held) {
    }
}
