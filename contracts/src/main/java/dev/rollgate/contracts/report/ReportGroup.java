package dev.rollgate.contracts.report;

import dev.rollgate.contracts.release.Platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports of one batch that concern one task, as one record on the report topic: a device's batch
 * usually names one or two tasks, so the gateway sends a record or two per batch instead of a hundred,
 * and the counter reads and writes a task's totals once per record instead of once per report.
 */
public record ReportGroup(String appKey, Platform platform, List<ReportEntry> reports) {

    public ReportGroup {
        reports = List.copyOf(reports);
    }

    /** The batch's reports grouped by task, in the order each task first appears. */
    public static List<ReportGroup> byTask(String appKey, Platform platform, List<ReportEntry> entries) {
        Map<String, List<ReportEntry>> groups = new LinkedHashMap<>();
        for (ReportEntry entry : entries) {
            String task = partitionKey(appKey, entry.taskId(), entry.packageId(), entry.version());
            groups.computeIfAbsent(task, key -> new ArrayList<>()).add(entry);
        }
        return groups.values().stream().map(group -> new ReportGroup(appKey, platform, group)).toList();
    }

    /** The group's task: every report of a group has the same one. */
    public String partitionKey() {
        ReportEntry first = reports.getFirst();
        return partitionKey(appKey, first.taskId(), first.packageId(), first.version());
    }

    public List<ClientReport> clientReports() {
        return reports.stream().map(r -> new ClientReport(appKey, platform, r.reportId(), r.packageId(), r.version(),
                r.taskId(), r.outcome(), r.reason(), r.device(), r.at())).toList();
    }

    /** Reports of one task share a partition, so one consumer counts them together. */
    static String partitionKey(String appKey, String taskId, String packageId, String version) {
        return taskId != null ? taskId : appKey + "/" + packageId + "/" + version;
    }
}
