package dev.rollgate.gateway.cache;

import dev.rollgate.gateway.resolve.CompiledSegment;

/** What the near cache knows of a segment: its compiled ruleset, or that its app is not registered. */
public sealed interface SegmentLookup {

    /** @param weight about how many bytes the compiled segment takes on the heap */
    record Found(CompiledSegment segment, long weight) implements SegmentLookup {
    }

    record UnknownApp(String appKey) implements SegmentLookup {
    }
}
