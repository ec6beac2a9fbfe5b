package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.Ruleset;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A segment's ruleset compiled for evaluation: parsed versions, parsed operands, compiled patterns. */
public final class CompiledSegment {

    private final String appKey;
    private final Platform platform;
    private final long revision;
    private final List<CompiledPackage> packages;
    /** What is computed from this segment and worth keeping as long as it is (the client API's encoded answers). */
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();

    private CompiledSegment(String appKey, Platform platform, long revision, List<CompiledPackage> packages) {
        this.appKey = appKey;
        this.platform = platform;
        this.revision = revision;
        this.packages = packages;
    }

    public static CompiledSegment of(Ruleset ruleset) {
        return new CompiledSegment(ruleset.appKey(), ruleset.platform(), ruleset.revision(),
                ruleset.packages().stream().map(CompiledPackage::new)
                        .sorted(Comparator.comparing(CompiledPackage::packageId)).toList());
    }

    public String appKey() {
        return appKey;
    }

    public Platform platform() {
        return platform;
    }

    public long revision() {
        return revision;
    }

    /**
     * A value computed from this segment, kept with it: a new revision is a new segment, so nothing derived
     * outlives the rules it came from.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<Object, T> compute) {
        return (T) derived.computeIfAbsent(key, compute);
    }

    /** Sorted by packageId. */
    public List<CompiledPackage> packages() {
        return packages;
    }
}
