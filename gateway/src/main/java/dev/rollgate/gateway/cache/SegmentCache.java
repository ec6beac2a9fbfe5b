package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.contracts.ruleset.UnreadableRulesetException;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.CompiledSegment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The near cache: each segment's compiled ruleset, loaded from Redis on the first client that asks and
 * kept until targeting-service announces a change ({@link SegmentChangeListener}) or a revision check
 * finds it stale ({@link RevisionCheck}). Concurrent misses of one segment share one Redis read. A segment
 * the cache holds is answered also while Redis is down, and one that Redis shows older than it was (restarted
 * empty, flushed, rebuilding) is answered as it was ({@link SegmentHistory}).
 */
@ApplicationScoped
public class SegmentCache {

    private final Redis redis;
    private final NearMemory memory;
    private final Map<String, CompletableFuture<SegmentLookup>> entries = new ConcurrentHashMap<>();
    private final SegmentHistory history = new SegmentHistory();
    private final Counter hits;
    private final Counter misses;

    SegmentCache(Redis redis, NearMemory memory, MeterRegistry registry) {
        this.redis = redis;
        this.memory = memory;
        this.hits = registry.counter("rollgate.gateway.near.cache", "result", "hit");
        this.misses = registry.counter("rollgate.gateway.near.cache", "result", "miss");
        registry.gaugeMapSize("rollgate.gateway.near.cache.segments", java.util.List.of(), entries);
    }

    public Uni<SegmentLookup> lookup(String appKey, Platform platform) {
        String segment = RedisKeys.segment(appKey, platform);
        CompletableFuture<SegmentLookup> cached = entries.get(segment);
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            hits.increment();
            return Uni.createFrom().item(cached.join());
        }
        misses.increment();
        CompletableFuture<SegmentLookup> created = new CompletableFuture<>();
        CompletableFuture<SegmentLookup> entry = entries.putIfAbsent(segment, created);
        if (entry == null) {
            entry = created;
            load(appKey, platform).subscribe().with(loaded -> {
                SegmentLookup lookup = history.settle(segment, loaded);
                if (lookup instanceof SegmentLookup.UnknownApp) {
                    // An app registered a moment from now must not stay unknown: only found segments are kept.
                    entries.remove(segment, created);
                }
                created.complete(lookup);
                reweigh();
            }, failure -> {
                SegmentLookup.Found known = history.lastFound(segment);
                if (known != null) {
                    // Redis is down and the segment was dropped meanwhile: what it was is better than no answer.
                    created.complete(known);
                    return;
                }
                entries.remove(segment, created);
                created.completeExceptionally(failure);
            });
        }
        return Uni.createFrom().completionStage(entry);
    }

    /** Drops one segment; the next client reads it from Redis again. */
    public void invalidate(String segment) {
        if (entries.remove(segment) != null) {
            reweigh();
        }
    }

    public void invalidateAll() {
        entries.clear();
        reweigh();
    }

    /** Tells the memory budget what the held segments weigh; segments change only with releases, so rarely. */
    private void reweigh() {
        memory.segmentsWeigh(history.weight());
    }

    /** The segments held, with the revision of each. */
    public Map<String, Long> revisions() {
        Map<String, Long> revisions = new java.util.HashMap<>();
        entries.forEach((segment, entry) -> {
            if (entry.isDone() && !entry.isCompletedExceptionally()
                    && entry.join() instanceof SegmentLookup.Found found) {
                revisions.put(segment, found.segment().revision());
            }
        });
        return revisions;
    }

    public Set<String> segments() {
        return entries.keySet();
    }

    /**
     * Compiled with what was last found of the segment, so that the tasks whose audience did not change keep what
     * clients were told about it ({@link AdmissionCache}).
     */
    private Uni<SegmentLookup> load(String appKey, Platform platform) {
        SegmentLookup.Found before = history.lastFound(RedisKeys.segment(appKey, platform));
        CompiledSegment previous = before == null ? null : before.segment();
        return redis.batch(java.util.List.of(
                        Request.cmd(Command.GET).arg(RedisKeys.ruleset(appKey, platform)),
                        Request.cmd(Command.SISMEMBER).arg(RedisKeys.KNOWN_APPS).arg(appKey)))
                .onFailure().transform(e -> new RulesUnavailableException(
                        "Redis is unavailable and the rules of " + appKey + " are not cached: " + e.getMessage(), e))
                .map(responses -> lookupOf(appKey, platform, responses.get(0), responses.get(1), previous));
    }

    private static SegmentLookup lookupOf(String appKey, Platform platform, Response json, Response known,
                                          CompiledSegment previous) {
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
