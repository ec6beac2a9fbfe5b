package dev.rollgate.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The clock of the services that keep their state in the event store, so that what they decide and what
 * the store stamps on events read one time source, and a test can pin it in one place.
 */
@ApplicationScoped
class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
