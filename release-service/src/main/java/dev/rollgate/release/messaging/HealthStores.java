package dev.rollgate.release.messaging;

import java.time.Instant;

/** The state stores the report topology keeps, and how their keys are made. */
public final class HealthStores {

    /** reportId → when it was counted, for a day: a report sent twice is counted once. */
    public static final String REPORT_IDS = "report-ids";
    /** task + device hash → the outcomes that device reported (DeviceOutcomes bits). */
    public static final String DEVICES = "report-devices";
    /** task → TaskHealth. */
    public static final String HEALTH = "task-health";
    /** task + minute → HealthCounts of the devices counted in that minute. */
    public static final String MINUTES = "task-minutes";

    private HealthStores() {
    }

    public static String deviceKey(String task, String device) {
        return task + "|" + device;
    }

    /** Minutes sort as text: fixed-width epoch minutes. */
    public static String minuteKey(String task, long epochMinute) {
        return task + "|" + String.format("%010d", epochMinute);
    }

    public static long epochMinute(Instant at) {
        return at.getEpochSecond() / 60;
    }
}
