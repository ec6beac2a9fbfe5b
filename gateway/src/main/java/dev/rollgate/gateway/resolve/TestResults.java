package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.version.Version;

/**
 * One request's results of its segment's {@link SharedTests}, each test run at most once. A rule or range
 * compiled outside a segment has no number and is run every time.
 */
final class TestResults {

    private static final byte UNKNOWN = 0;
    private static final byte HOLDS = 1;
    private static final byte FAILS = 2;

    private final byte[] rules;
    private final byte[] ranges;

    TestResults(int ruleCount, int rangeCount) {
        this.rules = new byte[ruleCount];
        this.ranges = new byte[rangeCount];
    }

    boolean holds(CompiledRule rule, ClientContext client) {
        byte known = known(rules, rule.slot());
        return known == UNKNOWN ? kept(rules, rule.slot(), rule.test(client)) : known == HOLDS;
    }

    boolean fits(ClientRange range, Version clientVersion) {
        byte known = known(ranges, range.slot());
        return known == UNKNOWN ? kept(ranges, range.slot(), range.contains(clientVersion)) : known == HOLDS;
    }

    private static byte known(byte[] results, int slot) {
        return slot < 0 || slot >= results.length ? UNKNOWN : results[slot];
    }

    /** Keeps a test's result where it has a place, and gives it. */
    private static boolean kept(byte[] results, int slot, boolean result) {
        if (slot >= 0 && slot < results.length) {
            results[slot] = result ? HOLDS : FAILS;
        }
        return result;
    }
}
