package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.ruleset.Ruleset;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one batch of events changes, written to Redis in one transaction so that a crash never
 * leaves a result without the applied streamVersion that guards it (or the other way round).
 *
 * @param rulesets       the new ruleset of every segment the batch changed
 * @param appliedVersions per app, the last streamVersion applied of each stream the batch applied
 * @param whitelistOps   in event order
 * @param registeredApps apps the batch registered
 * @param applied        events applied
 * @param skipped        events at or below their stream's applied version: redeliveries
 * @param rejected       events whose data cannot be applied (such as an unparsable version): dead letters
 * @param appliedThrough per partition, the offset just past the last event the batch applied: how far the
 *                       keys it writes go, which a rebuild must reach before it replaces them
 */
public record BatchWrites(Map<Segment, Ruleset> rulesets, Map<String, Map<String, Long>> appliedVersions,
                          List<WhitelistOp> whitelistOps, Set<String> registeredApps, int applied, int skipped,
                          List<Rejected> rejected, Map<Integer, Long> appliedThrough) {

    public record Rejected(ConsumedEvent event, String reason) {
    }

    public boolean isEmpty() {
        return appliedVersions.isEmpty();
    }
}
