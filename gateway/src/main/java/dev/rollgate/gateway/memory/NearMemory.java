package dev.rollgate.gateway.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rollgate.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.function.BinaryOperator;

/**
 * The one memory budget of the gateway's caches: the compiled segments it answers from, each distinct
 * answer's bytes, and what Redis said about clients' audiences, across revisions. Segments are held by the
 * near cache ({@code HeldSegments}) within {@link #segmentShare()} and their weight is told here; everything
 * derived from them lives here, weighed, in one Caffeine cache whose limit is what the segments leave of the
 * budget, never less than a tenth of it. Past their limits, the least valuable entries go (Caffeine's
 * W-TinyLFU), so neither a flood of distinct clients or answers nor an app with thousands of segments can grow
 * the heap past the budget.
 */
@ApplicationScoped
public class NearMemory {

    private static final Logger LOG = Logger.getLogger(NearMemory.class);
    /** What the derived values keep however many segments are held: without them, every request costs more. */
    private static final double DERIVED_FLOOR = 0.1;

    private final long budget;
    private final Cache<MemoryKey<?>, Object> derived;
    private volatile long segmentBytes;

    @Inject
    NearMemory(GatewayConfig config, MeterRegistry registry) {
        this(CacheBudget.bytes(config.cacheBudget(), Runtime.getRuntime().maxMemory()));
        Gauge.builder("rollgate.gateway.memory.budget.bytes", this, NearMemory::budget)
                .description("the heap the gateway's caches may take together").register(registry);
        Gauge.builder("rollgate.gateway.memory.used.bytes", this, NearMemory::used)
                .description("the heap the gateway's caches take now (segments and derived values)").register(registry);
        LOG.infof("the gateway's caches may take %d MiB of heap", budget >> 20);
    }

    public NearMemory(long budget) {
        this.budget = budget;
        this.derived = Caffeine.newBuilder()
                .maximumWeight(budget)
                .<MemoryKey<?>, Object>weigher(NearMemory::weigh)
                // Upkeep on the request's own thread: handed to the common pool after reads, it cost more in
                // thread wake-ups and a contended lock than the upkeep itself (async-profiler, docs/performance.md).
                .executor(Runnable::run)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static int weigh(MemoryKey<?> key, Object value) {
        return Math.max(1, ((MemoryKey<Object>) key).weigh(value));
    }

    @SuppressWarnings("unchecked")
    public <V> V get(MemoryKey<V> key) {
        return (V) derived.getIfPresent(key);
    }

    public <V> void put(MemoryKey<V> key, V value) {
        derived.put(key, value);
    }

    /** The value now kept: {@code value}, or {@code merge} of the kept one and {@code value}. */
    @SuppressWarnings("unchecked")
    public <V> V merge(MemoryKey<V> key, V value, BinaryOperator<V> merge) {
        return (V) derived.asMap().merge(key, value, (kept, added) -> merge.apply((V) kept, (V) added));
    }

    /** The most the compiled segments may take: the budget less what the derived values always keep. */
    public long segmentShare() {
        return (long) (budget * (1 - DERIVED_FLOOR));
    }

    /** The compiled segments held now weigh {@code bytes}: the derived values get what is left. */
    public synchronized void segmentsWeigh(long bytes) {
        segmentBytes = bytes;
        long left = Math.max((long) (budget * DERIVED_FLOOR), budget - bytes);
        derived.policy().eviction().ifPresent(eviction -> eviction.setMaximum(left));
    }

    public long budget() {
        return budget;
    }

    /** Segments and derived values together. */
    public long used() {
        return segmentBytes + derived.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Drops every derived value: under heap pressure they are the first thing to give back. */
    public void release() {
        derived.invalidateAll();
        derived.cleanUp();
    }
}
