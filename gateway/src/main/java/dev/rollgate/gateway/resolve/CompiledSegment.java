package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.version.Version;

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
    /** Each package's baseline by client version: most packages of most segments have no active task. */
    private final Map<Version, Resolution[]> baselines = new ConcurrentHashMap<>();
    /** Client versions are what clients say; past this many, baselines are worked out per request. */
    private static final int MAX_CLIENT_VERSIONS = 1_024;

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

    /** By index into {@link #packages()}: each package's baseline for a client of that version, or null. */
    Resolution[] baselinesFor(Version clientVersion) {
        Resolution[] known = baselines.get(clientVersion);
        if (known != null) {
            return known;
        }
        Resolution[] computed = new Resolution[packages.size()];
        for (int i = 0; i < computed.length; i++) {
            computed[i] = packages.get(i).baselineResolution(clientVersion);
        }
        if (baselines.size() < MAX_CLIENT_VERSIONS) {
            baselines.putIfAbsent(clientVersion, computed);
        }
        return computed;
    }

    /** Sorted by packageId. */
    public List<CompiledPackage> packages() {
        return packages;
    }
}
