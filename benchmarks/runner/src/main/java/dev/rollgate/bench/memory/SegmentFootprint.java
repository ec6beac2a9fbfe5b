package dev.rollgate.bench.memory;

import dev.rollgate.bench.jmh.FixedAudience;
import dev.rollgate.bench.jmh.TypicalSegment;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.contracts.ruleset.UnreadableRulesetException;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The heap a compiled segment takes, against the weight the gateway's memory budget charges for it
 * ({@link CompiledSegment#weight}): the benchmarks' segment of 50 packages, read from JSON as the gateway reads
 * it, a thousand times, measured from the heap in use after collections; then again with the baselines of
 * as many client versions as a segment keeps them for. Run with a fixed heap and the serial collector, so that the
 * figure is the live data and not a collector's slack.
 */
public final class SegmentFootprint {

    private static final int SEGMENTS = 1_000;
    private static final int CLIENT_VERSIONS = CompiledSegment.MAX_CLIENT_VERSIONS;

    private static final Audience NOBODY = new FixedAudience(false);

    private SegmentFootprint() {
    }

    public static void main(String[] args) throws InterruptedException, UnreadableRulesetException {
        List<String> rulesets = new ArrayList<>(SEGMENTS);
        for (int i = 0; i < SEGMENTS; i++) {
            rulesets.add(RulesetJson.write(TypicalSegment.build("footprint-" + i, Platform.ANDROID, i, "w-" + i)));
        }
        long before = liveHeap();
        List<CompiledSegment> held = new ArrayList<>(SEGMENTS);
        long charged = 0;
        for (String json : rulesets) {
            CompiledSegment segment = CompiledSegment.of(RulesetJson.read(json));
            charged += segment.weight(json.length());
            held.add(segment);
        }
        long compiled = liveHeap() - before;
        for (CompiledSegment segment : held) {
            for (int v = 0; v < CLIENT_VERSIONS; v++) {
                ClientContext client = new ClientContext(Platform.ANDROID, Version.parse("10." + v + ".0"), null, null,
                        "Paris", "iPhone15", "4G", "11", Map.of(), Set.of(), Instant.now());
                Resolver.resolve(segment, client, NOBODY).await().indefinitely();
            }
        }
        long withBaselines = liveHeap() - before;
        long jsonChars = rulesets.stream().mapToLong(String::length).sum() / SEGMENTS;
        System.out.printf("compiled segment of %d packages, read from %,d characters of JSON:%n",
                TypicalSegment.PACKAGES, jsonChars);
        System.out.printf("  heap, compiled                              %,8d bytes%n", compiled / SEGMENTS);
        System.out.printf("  heap, with baselines for %d client versions %,8d bytes%n", CLIENT_VERSIONS,
                withBaselines / SEGMENTS);
        System.out.printf("  weight charged to the memory budget         %,8d bytes%n", charged / SEGMENTS);
        if (held.size() != SEGMENTS) {
            throw new IllegalStateException("the segments measured were let go");
        }
    }

    private static long liveHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
