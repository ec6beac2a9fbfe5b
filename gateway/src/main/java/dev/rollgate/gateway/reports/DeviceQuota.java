package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.report.ReportEntry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rollgate.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many reports one device may send a minute: a device stuck in a crash loop, or a forged flood, must
 * not fill the topic. Counted per app and device hash in a bounded cache, so memory stays flat however many
 * devices there are.
 */
@ApplicationScoped
public class DeviceQuota {

    private final int perMinute;
    private final Cache<String, AtomicInteger> taken = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(500_000)
            .build();

    DeviceQuota(GatewayConfig config) {
        this.perMinute = config.reportsPerDevicePerMinute();
    }

    /** Takes the batch's reports from each device's quota, or nothing when any device would pass it. */
    boolean take(String appKey, List<ReportEntry> reports) {
        Map<String, Integer> byDevice = new HashMap<>();
        reports.forEach(r -> byDevice.merge(r.device(), 1, Integer::sum));
        for (Map.Entry<String, Integer> device : byDevice.entrySet()) {
            AtomicInteger count = taken.get(appKey + "/" + device.getKey(), key -> new AtomicInteger());
            if (count.get() + device.getValue() > perMinute) {
                return false;
            }
        }
        byDevice.forEach((device, n) -> taken.get(appKey + "/" + device, key -> new AtomicInteger()).addAndGet(n));
        return true;
    }
}
