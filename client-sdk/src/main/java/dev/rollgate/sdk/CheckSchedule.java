package dev.rollgate.sdk;

import java.util.Random;

/**
 * When the device may ask the gateway next: never before the {@code nextCheckAfterSeconds} the last answer
 * named; after a failure, after a wait that doubles up to a bound, with jitter so that devices which lost the
 * gateway together do not come back together, and at least what a 503's {@code Retry-After} asked.
 */
final class CheckSchedule {

    private static final long FIRST_BACKOFF_MILLIS = 2_000;
    private static final long MAX_BACKOFF_MILLIS = 5 * 60_000;

    private final Random random;
    private long notBefore;
    private long backoff = FIRST_BACKOFF_MILLIS;

    CheckSchedule(Random random) {
        this.random = random;
    }

    synchronized boolean mayAsk(long now) {
        return now >= notBefore;
    }

    synchronized long millisUntilAllowed(long now) {
        return Math.max(0, notBefore - now);
    }

    synchronized void answered(long now, int nextCheckAfterSeconds) {
        backoff = FIRST_BACKOFF_MILLIS;
        notBefore = now + Math.max(1, nextCheckAfterSeconds) * 1_000L;
    }

    synchronized void failed(long now, int retryAfterSeconds) {
        // Full jitter: anywhere between half the backoff and all of it.
        long wait = backoff / 2 + (long) (random.nextDouble() * (backoff / 2));
        notBefore = now + Math.max(wait, retryAfterSeconds * 1_000L);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
    }
}
