package dev.rollgate.release.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's counts since it started, and the failure reasons devices gave (each failed device once, under
 * the reason of its first failure). Reasons are device-chosen codes, so only the first {@link #MAX_REASONS}
 * distinct ones are kept apart; later ones count as {@code OTHER}.
 */
public record TaskHealth(HealthCounts total, Map<String, Long> failuresByReason) {

    public static final int MAX_REASONS = 50;
    public static final String OTHER = "OTHER";

    public static TaskHealth empty() {
        return new TaskHealth(HealthCounts.empty(), new LinkedHashMap<>());
    }

    public TaskHealth counted(DeviceOutcomes before, DeviceOutcomes after, String reason) {
        Map<String, Long> reasons = failuresByReason;
        if (after.failed() && !before.failed()) {
            reasons = new LinkedHashMap<>(failuresByReason);
            String code = reason == null ? "UNKNOWN" : reason;
            if (!reasons.containsKey(code) && reasons.size() >= MAX_REASONS) {
                code = OTHER;
            }
            reasons.merge(code, 1L, Long::sum);
        }
        return new TaskHealth(total.counted(before, after), reasons);
    }
}
