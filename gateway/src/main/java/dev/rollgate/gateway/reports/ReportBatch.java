package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.report.ReportEntry;
import dev.rollgate.contracts.release.Platform;

import java.util.List;

/** What the SDK posts: one platform's reports, up to {@link ReportCheck#MAX_REPORTS} at a time. */
public record ReportBatch(Platform platform, List<ReportEntry> reports) {
}
