package dev.rollgate.release.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.jboss.logging.Logger;

/**
 * A counting thread that fails is replaced, not left dead: by default Kafka Streams shuts the whole client
 * down, and release health would stop counting, and the safeguard stop judging, until someone restarted
 * the service. The replacement resumes from the last committed offsets with the stores as committed.
 */
@ApplicationScoped
public class CountingThreadReplacement implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(CountingThreadReplacement.class);

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        LOG.error("a report-counting thread failed; it is replaced and resumes from its last commit", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
