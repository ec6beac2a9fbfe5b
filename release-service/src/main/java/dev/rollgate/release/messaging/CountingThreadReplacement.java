package dev.rollgate.release.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A counting thread that fails is replaced, not left dead: by default Kafka Streams shuts the whole client
 * down, and release health would stop counting, and the safeguard stop judging, until someone restarted
 * the service. The replacement resumes from the last committed offsets with the stores as committed. A
 * failure that comes back at once (a record or a stored value that fails every time) would replace
 * threads forever without moving on: past {@link #MOST_FAILURES} in {@link #WITHIN}, the counting stops
 * instead, loudly, and waits for an operator.
 */
@ApplicationScoped
public class CountingThreadReplacement implements StreamsUncaughtExceptionHandler {

    static final int MOST_FAILURES = 5;
    static final Duration WITHIN = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(CountingThreadReplacement.class);

    private final Clock clock;
    private final Counter failures;
    private final Deque<Instant> recent = new ArrayDeque<>();

    CountingThreadReplacement(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.failures = Counter.builder("rollgate.reports.counting.failures")
                .description("report-counting threads that failed").register(metrics);
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        failures.increment();
        Instant now = clock.instant();
        recent.addLast(now);
        while (recent.peekFirst().isBefore(now.minus(WITHIN))) {
            recent.removeFirst();
        }
        if (recent.size() > MOST_FAILURES) {
            LOG.errorf(exception, "report counting failed %d times in %s; it stops until release-service is "
                    + "restarted (health reads answer 503 meanwhile)", recent.size(), WITHIN);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("a report-counting thread failed; it is replaced and resumes from its last commit", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
