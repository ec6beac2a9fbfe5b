package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.contracts.ruleset.UnreadableRulesetException;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.TaskAudience;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The near cache: each segment's compiled ruleset, loaded from Redis on the first client that asks and
 * kept until targeting-service announces a change ({@link SegmentChangeListener}) or a revision check
 * finds it stale ({@link RevisionCheck}), within the segments' share of the memory budget ({@link HeldSegments}).
 * Concurrent misses of one segment share one Redis read. A segment the cache holds is answered also while Redis
 * is down, and one that Redis shows older than it was (restarted empty, flushed, rebuilding) is answered as it
 * was.
 */
@ApplicationScoped
public class SegmentCache {

    private static final Logger LOG = Logger.getLogger(SegmentCache.class);

    private final Redis redis;
    private final NearMemory memory;
    private final HeldSegments held;
    /** Loads under way; a change announced meanwhile removes the load, whose result is then not current. */
    private final Map<String, CompletableFuture<SegmentLookup>> loading = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final AtomicBoolean evictionTold = new AtomicBoolean();

    SegmentCache(Redis redis, NearMemory memory, MeterRegistry registry) {
        this.redis = redis;
        this.memory = memory;
        this.held = new HeldSegments(memory.segmentShare());
        this.hits = registry.counter("rollgate.gateway.near.cache", "result", "hit");
        this.misses = registry.counter("rollgate.gateway.near.cache", "result", "miss");
        registry.gauge("rollgate.gateway.near.cache.segments", held, HeldSegments::currentCount);
        FunctionCounter.builder("rollgate.gateway.near.cache.evictions", held, HeldSegments::evictions)
                .description("compiled segments let go to stay within the memory budget").register(registry);
    }

    public Uni<SegmentLookup> lookup(String appKey, Platform platform) {
        SegmentLookup.Found current = current(appKey, platform);
        if (current != null) {
            return Uni.createFrom().item(current);
        }
        String segment = RedisKeys.segment(appKey, platform);
        misses.increment();
        CompletableFuture<SegmentLookup> created = new CompletableFuture<>();
        CompletableFuture<SegmentLookup> entry = loading.putIfAbsent(segment, created);
        if (entry == null) {
            entry = created;
            load(appKey, platform).subscribe().with(loaded -> {
                boolean unchangedMeanwhile = loading.remove(segment, created);
                try {
                    created.complete(held.settle(segment, loaded, unchangedMeanwhile));
                } catch (RulesUnavailableException e) {
                    created.completeExceptionally(e);
                }
                reweigh();
            }, failure -> {
                loading.remove(segment, created);
                SegmentLookup.Found known = held.answerWhileUnreachable(segment);
                if (known != null) {
                    // Redis is down and a change was announced meanwhile: what it was is better than no answer,
                    // until the subscription or the revision check says otherwise.
                    created.complete(known);
                    return;
                }
                created.completeExceptionally(failure);
            });
        }
        return Uni.createFrom().completionStage(entry);
    }

    /** The segment as held, when it is held and no change was announced since; else null (not counted a miss). */
    public SegmentLookup.Found current(String appKey, Platform platform) {
        SegmentLookup.Found current = held.current(RedisKeys.segment(appKey, platform));
        if (current != null) {
            hits.increment();
        }
        return current;
    }

    /** The next client of the segment has it read from Redis again. */
    public void invalidate(String segment) {
        loading.remove(segment);
        held.markStale(segment);
    }

    public void invalidateAll() {
        loading.clear();
        held.markAllStale();
    }

    /** Tells the memory budget what the held segments weigh, and the operator once that they no longer all fit. */
    private void reweigh() {
        memory.segmentsWeigh(held.weight());
        if (held.evictions() > 0 && evictionTold.compareAndSet(false, true)) {
            LOG.warnf("compiled segments are being let go to stay within %d MiB (their share of CACHE_BUDGET):"
                    + " clients ask for more segments than fit, and each one let go is read and compiled again"
                    + " when asked; raise CACHE_BUDGET and the heap (docs/performance.md, capacity model)",
                    memory.segmentShare() >> 20);
        }
    }

    /** The segments held and current, with the revision of each. */
    public Map<String, Long> revisions() {
        return held.revisions();
    }

    public Set<String> segments() {
        return held.currentSegments();
    }

    /**
     * Compiled with what was last found of the segment, so that the tasks whose audience did not change keep what
     * clients were told about it ({@link AdmissionCache}).
     */
    private Uni<SegmentLookup> load(String appKey, Platform platform) {
        Map<String, TaskAudience> previous = held.audiences(RedisKeys.segment(appKey, platform));
        return redis.batch(java.util.List.of(
                        Request.cmd(Command.GET).arg(RedisKeys.ruleset(appKey, platform)),
                        Request.cmd(Command.SISMEMBER).arg(RedisKeys.KNOWN_APPS).arg(appKey)))
                .onFailure().transform(e -> new RulesUnavailableException(
                        "Redis is unavailable and the rules of " + appKey + " are not cached: " + e.getMessage(), e))
                .map(responses -> lookupOf(appKey, platform, responses.get(0), responses.get(1), previous));
    }

    private static SegmentLookup lookupOf(String appKey, Platform platform, Response json, Response known,
                                          Map<String, TaskAudience> previous) {
        if (json != null) {
            try {
                String text = json.toString();
                CompiledSegment segment = CompiledSegment.of(RulesetJson.read(text), previous);
                return new SegmentLookup.Found(segment, segment.weight(text.length()));
            } catch (UnreadableRulesetException e) {
                throw new RulesUnavailableException("the rules of " + appKey + " on " + platform
                        + " cannot be read by this gateway: " + e.getMessage(), e);
            }
        }
        if (known != null && known.toInteger() == 1) {
            CompiledSegment empty = CompiledSegment.of(Ruleset.empty(appKey, platform));
            return new SegmentLookup.Found(empty, empty.weight(0));
        }
        return new SegmentLookup.UnknownApp(appKey);
    }
}
