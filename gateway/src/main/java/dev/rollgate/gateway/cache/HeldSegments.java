package dev.rollgate.gateway.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.rollgate.gateway.resolve.TaskAudience;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The compiled segments the gateway holds, within their share of the memory budget, and what it remembers of
 * those it let go.
 *
 * <p>A held segment is <em>current</em> (answered without asking Redis) until a change is announced for it;
 * it is then kept <em>stale</em>: reloaded on the next client, but still what the new revision is compiled
 * with (so unchanged audiences keep their answers) and what is answered while Redis is down. Past the share,
 * Caffeine's W-TinyLFU lets go of the segments clients ask least, and does not take in a newly loaded one
 * that is asked less than the one it would replace: with clients spread over more segments than fit, a stable
 * set stays held instead of every load pushing out the next segment to be asked (which a least-recently-used
 * order did, measured: docs/performance.md).
 *
 * <p>A revision is a topic offset, so it only goes up, and an app is never unregistered: a Redis that restarted
 * empty, was flushed or is being rebuilt shows a known app as unknown or a segment at an older revision. The
 * gateway then answers from what it holds until Redis has it back, for at most {@link #HOLD}; past that it
 * believes Redis (the topic itself was reset, which no operator does to a running system without restarting
 * it). Of a segment it let go, it remembers the revision and its tasks' audiences (a few hundred bytes a task,
 * within a sixteenth of the share): a Redis that shows it older then gets a 503 the client retries rather than
 * an older answer than clients had, and a reload keeps what clients were told about its audiences.
 */
final class HeldSegments {

    private static final Duration HOLD = Duration.ofMinutes(10);

    private final long holdNanos;
    private final Cache<String, Kept> held;
    private final Map<String, Forgotten> forgotten = new ConcurrentHashMap<>();
    /** What the audiences kept of let-go segments may take: a sixteenth of the segments' share. */
    private final long forgottenAudiencesMax;
    private final AtomicLong forgottenAudiencesBytes = new AtomicLong();
    private final LongAdder evictions = new LongAdder();

    /** @param behindSince when Redis was first seen behind this segment, or 0 while it is not */
    private record Kept(SegmentLookup.Found found, long behindSince, boolean current) {
    }

    /**
     * @param audiences its tasks' audiences, so that clients keep their answers when it is loaded again; empty when
     *                  those of the segments already let go take their share of the budget
     */
    private record Forgotten(long revision, long behindSince, Map<String, TaskAudience> audiences) {

        Forgotten behindSince(long since) {
            return new Forgotten(revision, since, audiences);
        }

        long weight() {
            if (audiences.isEmpty()) {
                return 0;
            }
            long weight = 64;
            for (TaskAudience audience : audiences.values()) {
                weight += 48 + audience.weight();
            }
            return weight;
        }
    }

    HeldSegments(long maxBytes) {
        this(maxBytes, HOLD);
    }

    HeldSegments(long maxBytes, Duration hold) {
        this.holdNanos = hold.toNanos();
        this.forgottenAudiencesMax = maxBytes / 16;
        this.held = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, Kept>weigher((segment, kept) -> (int) Math.min(Integer.MAX_VALUE, kept.found().weight()))
                // Run within the eviction itself, so that no load can come between letting go and remembering.
                .evictionListener((String segment, Kept kept, RemovalCause cause) -> {
                    evictions.increment();
                    remember(segment, kept);
                })
                .executor(Runnable::run)
                .build();
    }

    private void remember(String segment, Kept kept) {
        Forgotten full = new Forgotten(kept.found().segment().revision(), kept.behindSince(),
                kept.found().segment().audiences());
        long weight = full.weight();
        boolean room = forgottenAudiencesBytes.addAndGet(weight) <= forgottenAudiencesMax;
        if (!room) {
            forgottenAudiencesBytes.addAndGet(-weight);
        }
        replaceForgotten(segment, room ? full : new Forgotten(full.revision(), full.behindSince(), Map.of()));
    }

    /** Puts (or with null removes) what is remembered of a let-go segment, keeping the audiences' total. */
    private void replaceForgotten(String segment, Forgotten next) {
        Forgotten before = next == null ? forgotten.remove(segment) : forgotten.put(segment, next);
        if (before != null && !before.audiences().isEmpty()) {
            forgottenAudiencesBytes.addAndGet(-before.weight());
        }
    }

    /** The segment, when it is held and no change was announced for it since it was loaded; else null. */
    SegmentLookup.Found current(String segment) {
        Kept kept = held.getIfPresent(segment);
        return kept != null && kept.current() ? kept.found() : null;
    }

    /**
     * What to answer from, given what Redis has just shown of the segment; {@code current} says whether it may be
     * answered from without Redis until a change is announced (not when one was announced while it loaded).
     *
     * @throws RulesUnavailableException when Redis shows the segment older than a revision this gateway let go
     */
    SegmentLookup settle(String segment, SegmentLookup loaded, boolean current) {
        long now = System.nanoTime();
        SegmentLookup[] answer = new SegmentLookup[1];
        held.asMap().compute(segment, (key, kept) -> {
            Forgotten gone = kept == null ? forgotten.get(segment) : null;
            boolean known = kept != null || gone != null;
            long revision = kept != null ? kept.found().segment().revision() : gone != null ? gone.revision() : 0;
            long behindSince = kept != null ? kept.behindSince() : gone != null ? gone.behindSince() : 0;
            boolean behind = known && switch (loaded) {
                case SegmentLookup.UnknownApp unknown -> true;
                case SegmentLookup.Found found -> found.segment().revision() < revision;
            };
            if (behind && holdNanos > 0 && (behindSince == 0 || now - behindSince < holdNanos)) {
                long since = behindSince == 0 ? now : behindSince;
                if (kept == null) {
                    forgotten.put(segment, gone.behindSince(since));
                    return null;
                }
                answer[0] = kept.found();
                return new Kept(kept.found(), since, current);
            }
            if (gone != null) {
                replaceForgotten(segment, null);
            }
            answer[0] = loaded;
            return loaded instanceof SegmentLookup.Found found ? new Kept(found, 0, current) : null;
        });
        if (answer[0] == null) {
            throw new RulesUnavailableException("Redis shows the rules of " + segment + " older than this gateway"
                    + " last answered with (it restarted empty, was flushed or is being rebuilt), and they are no"
                    + " longer held here: retry shortly");
        }
        return answer[0];
    }

    /** The next client of the segment has it loaded again; what it was stays, for the reasons above. */
    void markStale(String segment) {
        held.asMap().computeIfPresent(segment,
                (key, kept) -> kept.current() ? new Kept(kept.found(), kept.behindSince(), false) : kept);
    }

    void markAllStale() {
        held.asMap().keySet().forEach(this::markStale);
    }

    /**
     * The audiences of the segment's tasks as last found, held or let go: a new revision, or the same one loaded
     * again, takes over those that did not change, and so what clients were told about them.
     */
    Map<String, TaskAudience> audiences(String segment) {
        Kept kept = held.getIfPresent(segment);
        if (kept != null) {
            return kept.found().segment().audiences();
        }
        Forgotten gone = forgotten.get(segment);
        return gone == null ? Map.of() : gone.audiences();
    }

    /** What was last found of the segment and is still held, when Redis cannot be asked; null otherwise. */
    SegmentLookup.Found lastFound(String segment) {
        Kept kept = held.getIfPresent(segment);
        return kept == null ? null : kept.found();
    }

    /**
     * What was last found of the segment, made current again because Redis cannot be asked (so that the clients
     * that follow are not each held up by a failing read); null when it is not held.
     */
    SegmentLookup.Found answerWhileUnreachable(String segment) {
        Kept kept = held.asMap().computeIfPresent(segment,
                (key, was) -> was.current() ? was : new Kept(was.found(), was.behindSince(), true));
        return kept == null ? null : kept.found();
    }

    /** Whether the segment is answered from memory because Redis shows it older than it was. */
    boolean isBehind(String segment) {
        Kept kept = held.getIfPresent(segment);
        return kept != null && kept.behindSince() != 0;
    }

    /** The current segments, with the revision of each. */
    Map<String, Long> revisions() {
        Map<String, Long> revisions = new HashMap<>();
        held.asMap().forEach((segment, kept) -> {
            if (kept.current()) {
                revisions.put(segment, kept.found().segment().revision());
            }
        });
        return revisions;
    }

    /** How many segments are held and current: what a metrics scrape asks, without building the map. */
    long currentCount() {
        return held.asMap().values().stream().filter(Kept::current).count();
    }

    Set<String> currentSegments() {
        return held.asMap().entrySet().stream().filter(entry -> entry.getValue().current())
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** The heap the held segments take. */
    long weight() {
        return held.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    /** How many segments were let go since start. */
    long evictions() {
        return evictions.sum();
    }
}
