package dev.rollgate.outbox.relay;

import java.time.Duration;

/** How one relay behaves; {@link RelayLifecycle} fills it from {@code rollgate.outbox.relay.*}. */
public record RelaySettings(
        int batchSize,
        Duration fallbackPoll,
        long lockKey,
        Duration standbyRetry,
        Duration maxBackoff,
        Duration keepSent,
        int maxMessageBytes) {
}
