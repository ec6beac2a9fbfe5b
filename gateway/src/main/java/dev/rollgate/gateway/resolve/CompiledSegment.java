package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.version.Version;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A segment's ruleset compiled for evaluation: parsed versions, parsed operands, compiled patterns. */
public final class CompiledSegment {

    private final String appKey;
    private final Platform platform;
    private final long revision;
    private final List<CompiledPackage> packages;
    /** Every task's audience, by task id ({@link TaskAudience} keeps Object's equality). */
    private final Map<String, TaskAudience> audiences = new HashMap<>();
    /** Each package's baseline by client version: most packages of most segments have no active task. */
    private final Map<Version, Resolution[]> baselines = new ConcurrentHashMap<>();
    /**
     * Client versions are what clients say; past this many, baselines are worked out per request (about a
     * microsecond for 50 packages). Few client versions are in use at once, and a bound known in advance makes the
     * segment's weight known too: each version held costs an array of the segment's packages.
     */
    public static final int MAX_CLIENT_VERSIONS = 32;

    private CompiledSegment(String appKey, Platform platform, long revision, List<CompiledPackage> packages) {
        this.appKey = appKey;
        this.platform = platform;
        this.revision = revision;
        this.packages = packages;
        for (CompiledPackage pkg : packages) {
            for (CompiledRelease release : pkg.active()) {
                audiences.put(release.release().taskId(), release.audience());
            }
        }
    }

    public static CompiledSegment of(Ruleset ruleset) {
        return of(ruleset, Map.of());
    }

    /**
     * Compiled with the segment's previous revision (null when there is none): each task whose audience did not
     * change keeps its {@link TaskAudience}, and so what clients were told about it.
     */
    public static CompiledSegment of(Ruleset ruleset, CompiledSegment previous) {
        boolean same = previous != null && previous.appKey.equals(ruleset.appKey())
                && previous.platform == ruleset.platform();
        return of(ruleset, same ? previous.audiences() : Map.of());
    }

    /** Compiled with the audiences of the segment's previous revision, by task id (empty when none are known). */
    public static CompiledSegment of(Ruleset ruleset, Map<String, TaskAudience> previous) {
        return new CompiledSegment(ruleset.appKey(), ruleset.platform(), ruleset.revision(),
                ruleset.packages().stream().map(pkg -> new CompiledPackage(pkg, previous))
                        .sorted(Comparator.comparing(CompiledPackage::packageId)).toList());
    }

    /** Every task's audience by task id: what a reload of this segment takes over when it was let go. */
    public Map<String, TaskAudience> audiences() {
        return Collections.unmodifiableMap(audiences);
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
     * About how many bytes this segment may take on the heap: its compiled rules (three times the JSON they were
     * read from) and its baselines at their bound. For the benchmarks' segment of 50 packages, {@code
     * SegmentFootprint} (benchmarks/run) measures 60 KB compiled from 22 KB of JSON, and this says 75 KB. Short
     * strings (the values of IN rules) cost more per JSON character than the artifacts' addresses and digests
     * that make up most of a segment, hence three rather than the 2.7 measured.
     */
    public long weight(int rulesetJsonLength) {
        return 3L * rulesetJsonLength + (long) MAX_CLIENT_VERSIONS * (48 + 4L * packages.size());
    }

    /** Whether one of this segment's tasks has this audience: answers about any other are stale here. */
    public boolean holds(TaskAudience audience) {
        return audiences.get(audience.taskId()) == audience;
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
