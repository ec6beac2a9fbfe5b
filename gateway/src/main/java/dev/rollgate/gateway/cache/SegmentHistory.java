package dev.rollgate.gateway.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each segment was when last found in Redis. A revision is a topic offset, so it only goes up, and an app
 * is never unregistered: a Redis that restarted empty, was flushed or is being rebuilt shows a known app as
 * unknown or a segment at an older revision, and one that is down shows nothing. The gateway then goes on
 * answering from what it last found until Redis has it back, for at most {@link #HOLD}; past that it believes
 * Redis (the topic itself was reset, which no operator does to a running system without restarting it).
 */
final class SegmentHistory {

    private static final Duration HOLD = Duration.ofMinutes(10);

    private final long holdNanos;

    private record Kept(SegmentLookup.Found found, long behindSince) {
    }

    private final Map<String, Kept> last = new ConcurrentHashMap<>();

    SegmentHistory() {
        this(HOLD);
    }

    SegmentHistory(Duration hold) {
        this.holdNanos = hold.toNanos();
    }

    /** What to answer from, given what Redis has just shown of the segment. */
    SegmentLookup settle(String segment, SegmentLookup loaded) {
        Kept kept = last.get(segment);
        boolean behind = kept != null && switch (loaded) {
            case SegmentLookup.UnknownApp unknown -> true;
            case SegmentLookup.Found found -> found.segment().revision() < kept.found().segment().revision();
        };
        long now = System.nanoTime();
        if (behind && holdNanos > 0 && (kept.behindSince() == 0 || now - kept.behindSince() < holdNanos)) {
            last.put(segment, new Kept(kept.found(), kept.behindSince() == 0 ? now : kept.behindSince()));
            return kept.found();
        }
        if (loaded instanceof SegmentLookup.Found found) {
            last.put(segment, new Kept(found, 0));
        } else {
            last.remove(segment);
        }
        return loaded;
    }

    /** What was last found of the segment, when Redis cannot be asked; null when nothing was. */
    SegmentLookup.Found lastFound(String segment) {
        Kept kept = last.get(segment);
        return kept == null ? null : kept.found();
    }

    /** Whether the segment is answered from memory because Redis shows it older than it was. */
    boolean isBehind(String segment) {
        Kept kept = last.get(segment);
        return kept != null && kept.behindSince() != 0;
    }

    /** The heap the kept segments take (each is also what the near cache holds, or will again). */
    long weight() {
        long total = 0;
        for (Kept kept : last.values()) {
            total += kept.found().weight();
        }
        return total;
    }
}
