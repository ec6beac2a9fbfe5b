package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.version.Version;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A segment's ruleset compiled for evaluation: parsed versions, parsed operands, compiled patterns. */
public final class CompiledSegment {

    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private final String appKey;
    private final Platform platform;
    private final long revision;
    private final List<CompiledPackage> packages;
    private final int ruleCount;
    private final int rangeCount;
    /** @see #compilation() */
    private final long compilation = COMPILATIONS.incrementAndGet();
    /**
     * When an answer of this segment may change with the clock alone, ascending: the end of each time window
     * (a window ended takes nobody). Empty when nothing here depends on the time; null when a rule reads the
     * clock itself ({@code currentTime} when the client does not send it), so that no answer holds a moment.
     */
    private final Instant[] clockTurns;
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

    private CompiledSegment(String appKey, Platform platform, long revision, List<CompiledPackage> packages,
                            SharedTests shared) {
        this.appKey = appKey;
        this.ruleCount = shared.ruleCount();
        this.rangeCount = shared.rangeCount();
        this.platform = platform;
        this.revision = revision;
        this.packages = packages;
        TreeSet<Instant> turns = new TreeSet<>();
        boolean readsClock = false;
        for (CompiledPackage pkg : packages) {
            for (CompiledRelease release : pkg.active()) {
                audiences.put(release.release().taskId(), release.audience());
                if (release.isTimeWindow() && release.release().grayscale().endTime() != null) {
                    turns.add(release.release().grayscale().endTime());
                }
                for (CompiledRule rule : release.rules()) {
                    readsClock |= rule.rule().type() == RuleType.CUSTOM
                            && ClientContext.CURRENT_TIME.equals(rule.rule().attribute());
                }
            }
        }
        this.clockTurns = readsClock ? null : turns.toArray(Instant[]::new);
    }

    public static CompiledSegment of(Ruleset ruleset) {
        return of(ruleset, Map.of());
    }

    /** Compiled with the audiences of the segment's previous revision, by task id (empty when none are known). */
    public static CompiledSegment of(Ruleset ruleset, Map<String, TaskAudience> previous) {
        SharedTests shared = new SharedTests();
        return new CompiledSegment(ruleset.appKey(), ruleset.platform(), ruleset.revision(),
                ruleset.packages().stream().map(pkg -> new CompiledPackage(pkg, previous, shared))
                        .sorted(Comparator.comparing(CompiledPackage::packageId)).toList(), shared);
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
     * Tells this compilation from every other in the process, the same ruleset compiled again included. Its
     * {@link Resolution}s are shared by every request it answers, so what is kept by it (with its resolutions)
     * compares them by identity: a key that compared them by value met another compilation's equal but
     * distinct resolutions, and compared 50 artifacts field by field on every request, a quarter of the
     * gateway's CPU after a rebuild had every segment compiled again at its revision.
     */
    public long compilation() {
        return compilation;
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

    /**
     * Until when an answer given at {@code now} stays this segment's answer to the same question, as far as the
     * clock goes: the next window's end, {@link Instant#MAX} when no time window is open, or {@code now} itself
     * when a rule reads the clock (the answer holds no longer than the moment).
     */
    public Instant answersHoldUntil(Instant now) {
        if (clockTurns == null) {
            return now;
        }
        for (Instant turn : clockTurns) {
            if (turn.isAfter(now)) {
                return turn;
            }
        }
        return Instant.MAX;
    }

    /** Whether one of this segment's tasks has this audience: answers about any other are stale here. */
    public boolean holds(TaskAudience audience) {
        return audiences.get(audience.taskId()) == audience;
    }

    /** A request's place for the results of this segment's shared rules and ranges, each run once. */
    TestResults testResults() {
        return new TestResults(ruleCount, rangeCount);
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
