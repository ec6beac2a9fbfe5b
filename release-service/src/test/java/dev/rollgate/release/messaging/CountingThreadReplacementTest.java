package dev.rollgate.release.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CountingThreadReplacementTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T07:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final CountingThreadReplacement handler = new CountingThreadReplacement(clock, metrics);

    @Test
    void aFailingThreadIsReplacedUntilFailuresComeTooOften() {
        for (int i = 0; i < CountingThreadReplacement.MOST_FAILURES; i++) {
            assertThat(handler.handle(new IllegalStateException("x"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.set(now.get().plusSeconds(1));
        }
        assertThat(handler.handle(new IllegalStateException("x"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        assertThat(metrics.counter("rollgate.reports.counting.failures").count()).isEqualTo(6);
    }

    @Test
    void failuresFarApartKeepBeingReplaced() {
        for (int i = 0; i < 3 * CountingThreadReplacement.MOST_FAILURES; i++) {
            assertThat(handler.handle(new IllegalStateException("x"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            now.set(now.get().plus(CountingThreadReplacement.WITHIN.dividedBy(4)).plus(Duration.ofSeconds(1)));
        }
    }
}
