package dev.rollgate.release.messaging;

import dev.rollgate.contracts.report.ClientReport;
import dev.rollgate.contracts.report.ReportRecords;
import dev.rollgate.release.domain.DeviceOutcomes;
import dev.rollgate.release.domain.HealthCounts;
import dev.rollgate.release.domain.TaskHealth;
import dev.rollgate.release.service.HealthChanges;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Counts a record's reports (one task's, from one batch): moves each device's outcome bits, then adds what
 * changed to the task's totals and to the minute it was counted in, read and written once per record. A
 * device counts once per outcome, so a report sent again (or an outcome reported twice) changes nothing:
 * that is what makes duplicates count once, without a store of every report id. Reports of a task share a
 * partition (the record's key), so one instance of this sees all of them, in order.
 */
class ReportCounter implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = Logger.getLogger(ReportCounter.class);

    private final HealthChanges changes;
    private final MeterRegistry metrics;
    private ProcessorContext<Void, Void> context;
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
        this.devices = context.getStateStore(HealthStores.DEVICES);
        this.health = context.getStateStore(HealthStores.HEALTH);
        this.minutes = context.getStateStore(HealthStores.MINUTES);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        List<ClientReport> reports;
        try {
            Header format = record.headers().lastHeader(ReportRecords.FORMAT_HEADER);
            reports = ReportRecords.read(record.value(), format == null ? null : format.value());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("reports on partition key %s cannot be read and are not counted: %s", record.key(), e.getMessage());
            return;
        }
        if (reports.isEmpty()) {
            return;
        }
        String task = reports.getFirst().partitionKey();
        TaskHealth total = null;
        HealthCounts inMinute = null;
        String minute = HealthStores.minuteKey(task,
                HealthStores.epochMinute(Instant.ofEpochMilli(context.currentSystemTimeMs())));
        int counted = 0;
        boolean reporting = false;
        for (ClientReport report : reports) {
            String deviceKey = HealthStores.deviceKey(task, report.device());
            Integer stored = devices.get(deviceKey);
            DeviceOutcomes before = stored == null ? DeviceOutcomes.NONE : new DeviceOutcomes(stored);
            DeviceOutcomes after = before.with(report.outcome());
            if (after.equals(before)) {
                continue;
            }
            counted++;
            devices.put(deviceKey, after.bits());
            if (total == null) {
                total = HealthStores.read(health.get(task), TaskHealth.class, TaskHealth.empty());
                inMinute = HealthStores.read(minutes.get(minute), HealthCounts.class, HealthCounts.empty());
            }
            total = total.counted(before, after, report.reason());
            inMinute = inMinute.counted(before, after);
            reporting |= after.reporting();
        }
        String appKey = reports.getFirst().appKey();
        metrics.counter("rollgate.reports.counted", "app", appKey).increment(counted);
        metrics.counter("rollgate.reports.duplicates", "app", appKey).increment(reports.size() - counted);
        if (total == null) {
            return;
        }
        health.put(task, HealthStores.write(total));
        minutes.put(minute, HealthStores.write(inMinute));
        String taskId = reports.getFirst().taskId();
        if (taskId != null && reporting) {
            changes.changed(appKey, taskId);
        }
    }
}
