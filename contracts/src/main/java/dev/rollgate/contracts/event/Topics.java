package dev.rollgate.contracts.event;

/** Kafka topic names. Keys are appKeys, so one app's events share a partition and keep their order. */
public final class Topics {

    public static final String RELEASE_EVENTS = "rollgate.release-events";
    /** Where a consumer puts a message it cannot read, with the error, before it goes on. */
    public static final String RELEASE_EVENTS_DLQ = "rollgate.release-events.dlq";
    /** Devices' outcome reports (client telemetry, not commands): keyed by task, see ClientReport. */
    public static final String CLIENT_REPORTS = "rollgate.client-reports";

    private Topics() {
    }
}
