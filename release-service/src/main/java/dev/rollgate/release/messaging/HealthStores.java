package dev.rollgate.release.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rollgate.contracts.json.ContractsJson;

import java.io.IOException;
import java.time.Instant;

/** The state stores the report topology keeps, how their keys are made and their values written. */
public final class HealthStores {

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

    /** A health store's value (TaskHealth, HealthCounts) as stored: JSON. */
    public static byte[] write(Object value) {
        try {
            return ContractsJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored value back, or {@code absent} when there is none. */
    public static <T> T read(byte[] json, Class<T> type, T absent) {
        if (json == null) {
            return absent;
        }
        try {
            return ContractsJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("a health store holds what this code cannot read", e);
        }
    }
}
