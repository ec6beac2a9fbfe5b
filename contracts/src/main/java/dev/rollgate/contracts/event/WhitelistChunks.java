package dev.rollgate.contracts.event;

/** Member events stay small enough for Kafka's default message size and for one Redis write each. */
public final class WhitelistChunks {

    public static final int MAX_IDS_PER_EVENT = 5_000;

    private WhitelistChunks() {
    }
}
