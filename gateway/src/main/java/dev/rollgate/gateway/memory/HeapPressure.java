package dev.rollgate.gateway.memory;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Comparator;
import java.util.Optional;

/**
 * Whether the heap is nearly full even right after a collection: the state in which a JVM spends its time
 * collecting and then fails. Read from the old generation's usage after its last collection, a few times a
 * second; while it is high the gateway gives back its derived caches and sheds client requests.
 */
@ApplicationScoped
public class HeapPressure {

    private static final Logger LOG = Logger.getLogger(HeapPressure.class);
    private static final double HIGH = 0.90;
    private static final double CLEAR = 0.75;
    private static final long CHECK_MILLIS = 250;

    private final Vertx vertx;
    private final NearMemory memory;
    private final Optional<MemoryPoolMXBean> oldGeneration;
    private volatile boolean high;
    private long timer = -1;

    HeapPressure(Vertx vertx, NearMemory memory, MeterRegistry registry) {
        this.vertx = vertx;
        this.memory = memory;
        this.oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .filter(pool -> pool.getCollectionUsage() != null && pool.getCollectionUsage().getMax() > 0)
                .max(Comparator.comparingLong(pool -> pool.getCollectionUsage().getMax()));
        registry.gauge("rollgate.gateway.heap.pressure", this, pressure -> pressure.high ? 1 : 0);
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(CHECK_MILLIS, id -> check());
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(timer);
    }

    private static double share(MemoryUsage usage) {
        return (double) usage.getUsed() / usage.getMax();
    }

    /** True while the heap stays nearly full across collections. */
    public boolean isHigh() {
        return high;
    }

    private void check() {
        if (oldGeneration.isEmpty()) {
            return;
        }
        MemoryUsage afterCollection = oldGeneration.get().getCollectionUsage();
        double used = (double) afterCollection.getUsed() / afterCollection.getMax();
        if (!high && used >= HIGH) {
            high = true;
            LOG.warnf("the heap is %.0f%% full after a collection: dropping derived caches and shedding client"
                    + " requests until it is below %.0f%%", used * 100, CLEAR * 100);
            memory.release();
            // What was dropped is garbage now, but the old generation's figure after its last collection says so
            // only after its next one, which shedding makes rare: ask for it.
            vertx.executeBlocking(() -> {
                System.gc();
                return null;
            }, false);
        } else if (high && Math.min(used, share(oldGeneration.get().getUsage())) < CLEAR) {
            high = false;
            LOG.info("the heap has room again: client requests are taken again");
        }
    }
}
