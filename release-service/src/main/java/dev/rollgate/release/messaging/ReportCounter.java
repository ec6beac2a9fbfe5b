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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // A batch comes from one device, so its reports are folded per device first: one read and at most
        // one write of the device's bits per record, however many reports it sent.
        Map<String, DeviceMove> moves = new LinkedHashMap<>();
        int counted = 0;
        for (ClientReport report : reports) {
            DeviceMove move = moves.computeIfAbsent(report.device(), device -> {
                Integer stored = devices.get(HealthStores.deviceKey(task, device));
                return new DeviceMove(stored == null ? DeviceOutcomes.NONE : new DeviceOutcomes(stored));
            });
            if (move.take(report)) {
                counted++;
            }
        }
        TaskHealth total = null;
        HealthCounts inMinute = null;
        String minute = HealthStores.minuteKey(task,
                HealthStores.epochMinute(Instant.ofEpochMilli(context.currentSystemTimeMs())));
        boolean reporting = false;
        for (Map.Entry<String, DeviceMove> entry : moves.entrySet()) {
            DeviceMove move = entry.getValue();
            if (!move.moved()) {
                continue;
            }
            devices.put(HealthStores.deviceKey(task, entry.getKey()), move.after.bits());
            if (total == null) {
                total = HealthStores.read(health.get(task), TaskHealth.class, TaskHealth.empty());
                inMinute = HealthStores.read(minutes.get(minute), HealthCounts.class, HealthCounts.empty());
            }
            total = total.counted(move.before, move.after, move.failureReason);
            inMinute = inMinute.counted(move.before, move.after);
            reporting |= move.after.reporting();
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

    /** One device's outcomes before the record and after its reports, and the reason it first failed with. */
    private static final class DeviceMove {

        private final DeviceOutcomes before;
        private DeviceOutcomes after;
        private String failureReason;

        DeviceMove(DeviceOutcomes before) {
            this.before = before;
            this.after = before;
        }

        /** @return whether the report changed the device's outcomes */
        boolean take(ClientReport report) {
            DeviceOutcomes next = after.with(report.outcome());
            if (next.equals(after)) {
                return false;
            }
            if (next.failed() && !after.failed()) {
                failureReason = report.reason();
            }
            after = next;
            return true;
        }

        boolean moved() {
            return !after.equals(before);
        }
    }
}
