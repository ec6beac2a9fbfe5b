package dev.rollgate.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the outbox and its relay: {@code rollgate.outbox.*} in a service's application.properties. */
@ConfigMapping(prefix = "rollgate.outbox")
public interface OutboxConfig {

    /** Where appended events go. */
    @WithDefault("rollgate.release-events")
    String topic();

    /**
     * The largest message (key and value, before compression) an event may become. Kafka's producer and
     * broker take 1 MiB by default, and a little of that goes to the record's own overhead.
     */
    @WithDefault("1000000")
    int maxMessageBytes();

    Relay relay();

    interface Relay {

        /** Off in a process that must only write (tests that drive relays of their own, for one). */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks without being woken, in case a notification was missed. */
        @WithDefault("5s")
        Duration fallbackPoll();

        @WithDefault("500")
        int batchSize();

        /** The advisory lock that elects one relay per database. */
        @WithDefault("7301001")
        long lockKey();

        /** How often a standby tries to take over the lock. */
        @WithDefault("2s")
        Duration standbyRetry();

        /** The longest wait between two attempts while Kafka or PostgreSQL fails. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How long published rows are kept (the events themselves are kept forever). */
        @WithDefault("P7D")
        Duration keepSent();
    }
}
