package dev.rollgate.gateway.cache;

import dev.rollgate.gateway.resolve.CompiledSegment;

/** What the near cache knows of a segment: its compiled ruleset, or that its app is not registered. */
public sealed interface SegmentLookup {

    record Found(CompiledSegment segment) implements SegmentLookup {
    }

    record UnknownApp(String appKey) implements SegmentLookup {
    }
}
