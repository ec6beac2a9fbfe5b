package dev.rollgate.gateway.client;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.gateway.memory.MemoryKey;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.CompiledSegment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * The answer each exact question got, for as long as it stays the answer: an app's SDK asks the same thing on
 * every start, and a question asked again (the same query string, to the same app) is then answered without
 * being read, resolved or looked up by its resolutions. An answer is the same while the segment's compilation is
 * the one it came from (a change announced, a reload, makes another), while the clock passes no window's end
 * ({@link CompiledSegment#answersHoldUntil}), and while what Redis said of the client's audiences holds, which is
 * as long as the compilation: an audience that changes gives the segment a new revision, and a time-window slot
 * once held is held until the window ends. Only answers that Redis fully gave are kept ({@link
 * WitnessedAudience}): one where a failure closed a task is worked out again next time. Kept in the gateway's
 * memory budget, so a flood of distinct questions cannot grow the heap.
 */
@ApplicationScoped
class RememberedAnswers {

    /** What an answer was worked out from, and until when it holds. */
    record Kept(Platform platform, long compilation, Instant holdsUntil, EncodedAnswers.Encoded answer) {
    }

    private record Key(String appKey, String query) implements MemoryKey<Kept> {
        @Override
        public int weigh(Kept kept) {
            // The key's two strings (one byte a character, as their text is ASCII) and the two records; the
            // answer's bytes are counted once, by EncodedAnswers, which shares them among clients.
            return 160 + appKey.length() + query.length();
        }
    }

    private final NearMemory memory;
    private final Counter hits;
    private final Counter misses;

    @Inject
    RememberedAnswers(NearMemory memory, MeterRegistry registry) {
        this.memory = memory;
        this.hits = registry.counter("rollgate.gateway.remembered.answers", "result", "hit");
        this.misses = registry.counter("rollgate.gateway.remembered.answers", "result", "miss");
    }

    /** What was answered to this question, if anything; still to be checked against the segment held now. */
    Kept recall(String appKey, String query) {
        Kept kept = query == null ? null : memory.get(new Key(appKey, query));
        if (kept == null) {
            misses.increment();
        }
        return kept;
    }

    /**
     * Whether {@code kept} is still what {@code segment} answers at {@code now}; {@code segment} is null when the
     * near cache holds none current (a change was announced), and the answer then does not hold either.
     */
    boolean holds(Kept kept, CompiledSegment segment, Instant now) {
        boolean holds = segment != null && kept.compilation() == segment.compilation()
                && now.isBefore(kept.holdsUntil());
        (holds ? hits : misses).increment();
        return holds;
    }

    void remember(String appKey, String query, CompiledSegment segment, Instant askedAt,
                  EncodedAnswers.Encoded answer) {
        Instant holdsUntil = segment.answersHoldUntil(askedAt);
        if (query != null && holdsUntil.isAfter(askedAt)) {
            memory.put(new Key(appKey, query),
                    new Kept(segment.platform(), segment.compilation(), holdsUntil, answer));
        }
    }
}
