package dev.rollgate.release.messaging;

import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.report.ClientReport;
import dev.rollgate.release.domain.DeviceOutcomes;
import dev.rollgate.release.domain.HealthCounts;
import dev.rollgate.release.domain.TaskHealth;
import dev.rollgate.release.service.HealthChanges;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts one report: drops one already counted (same report id within a day), moves the device's outcome
 * bits, and adds what changed to the task's totals and to the minute it was counted in. Reports of a task
 * share a partition (ClientReport's key), so one instance of this sees all of them, in order.
 */
class ReportCounter implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = Logger.getLogger(ReportCounter.class);
    static final Duration DEDUPLICATION = Duration.ofDays(1);

    private final HealthChanges changes;
    private final MeterRegistry metrics;
    private ProcessorContext<Void, Void> context;
    private WindowStore<String, Long> reportIds;
    private KeyValueStore<String, Integer> devices;
    private KeyValueStore<String, byte[]> health;
    private KeyValueStore<String, byte[]> minutes;

    ReportCounter(HealthChanges changes, MeterRegistry metrics) {
        this.changes = changes;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.reportIds = context.getStateStore(HealthStores.REPORT_IDS);
        this.devices = context.getStateStore(HealthStores.DEVICES);
        this.health = context.getStateStore(HealthStores.HEALTH);
        this.minutes = context.getStateStore(HealthStores.MINUTES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        ClientReport report;
        try {
            report = ContractsJson.mapper().readValue(record.value(), ClientReport.class);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("a report on partition key %s cannot be read and is not counted: %s", record.key(), e.getMessage());
            return;
        }
        long now = context.currentSystemTimeMs();
        if (seen(report.reportId(), now)) {
            metrics.counter("rollgate.reports.duplicates", "app", report.appKey()).increment();
            return;
        }
        reportIds.put(report.reportId(), now, now);
        metrics.counter("rollgate.reports.counted", "app", report.appKey()).increment();
        String task = report.partitionKey();
        String deviceKey = HealthStores.deviceKey(task, report.device());
        Integer stored = devices.get(deviceKey);
        DeviceOutcomes before = stored == null ? DeviceOutcomes.NONE : new DeviceOutcomes(stored);
        DeviceOutcomes after = before.with(report.outcome());
        if (after.equals(before)) {
            return;
        }
        devices.put(deviceKey, after.bits());
        TaskHealth total = HealthStores.read(health.get(task), TaskHealth.class, TaskHealth.empty());
        health.put(task, HealthStores.write(total.counted(before, after, report.reason())));
        String minute = HealthStores.minuteKey(task, HealthStores.epochMinute(Instant.ofEpochMilli(now)));
        HealthCounts inMinute = HealthStores.read(minutes.get(minute), HealthCounts.class, HealthCounts.empty());
        minutes.put(minute, HealthStores.write(inMinute.counted(before, after)));
        if (report.taskId() != null && after.reporting()) {
            changes.changed(report.appKey(), report.taskId());
        }
    }

    private boolean seen(String reportId, long now) {
        try (WindowStoreIterator<Long> found = reportIds.fetch(reportId, now - DEDUPLICATION.toMillis(), now)) {
            return found.hasNext();
        }
    }
}
