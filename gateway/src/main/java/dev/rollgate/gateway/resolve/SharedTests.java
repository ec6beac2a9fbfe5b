package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.VersionArtifact;

import java.util.HashMap;
import java.util.Map;

/**
 * The distinct rules and client ranges of one segment, each compiled once and numbered. Tasks of a segment often
 * target alike (the same cities, the same models, the same minimum app version for a launch of several
 * packages): sharing one compiled test lets a request run it once ({@link TestResults}) however many tasks ask it,
 * where a first visit used to spend a seventh of the gateway's CPU running the same rules again.
 */
final class SharedTests {

    private final Map<AdvancedRule, CompiledRule> rules = new HashMap<>();
    private final Map<ClientRange, ClientRange> ranges = new HashMap<>();

    CompiledRule rule(AdvancedRule rule) {
        CompiledRule known = rules.get(rule);
        if (known == null) {
            known = new CompiledRule(rule, rules.size());
            rules.put(rule, known);
        }
        return known;
    }

    ClientRange range(VersionArtifact artifact) {
        ClientRange read = ClientRange.of(artifact, ranges.size());
        ClientRange known = ranges.putIfAbsent(read, read);
        return known == null ? read : known;
    }

    int ruleCount() {
        return rules.size();
    }

    int rangeCount() {
        return ranges.size();
    }
}
