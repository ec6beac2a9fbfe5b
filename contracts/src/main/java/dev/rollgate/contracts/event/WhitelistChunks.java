package dev.rollgate.contracts.event;

/**
 * Member events stay far below Kafka's message size and cheap for one Redis write each: at most so many ids,
 * and at most so many bytes of ids (ids may be 128 characters of three UTF-8 bytes each, so a count alone
 * does not bound the size).
 */
public final class WhitelistChunks {

    public static final int MAX_IDS_PER_EVENT = 5_000;
    public static final int MAX_ID_BYTES_PER_EVENT = 256 * 1024;

    private WhitelistChunks() {
    }
}
