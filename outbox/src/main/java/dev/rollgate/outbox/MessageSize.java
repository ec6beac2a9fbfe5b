package dev.rollgate.outbox;

import java.nio.charset.StandardCharsets;

/** A message's size as the Kafka producer counts it against its limit: key and value, before compression. */
public final class MessageSize {

    private MessageSize() {
    }

    public static long of(String key, String value) {
        return utf8Length(key) + utf8Length(value);
    }

    private static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
