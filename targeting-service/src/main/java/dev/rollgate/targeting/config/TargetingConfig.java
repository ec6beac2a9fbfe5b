package dev.rollgate.targeting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

@ConfigMapping(prefix = "rollgate.targeting")
public interface TargetingConfig {

    /** Off in tests that drive the store by hand. */
    @WithDefault("true")
    boolean enabled();

    @WithName("bootstrap-servers")
    String bootstrapServers();

    @WithDefault("targeting-service")
    String groupId();

    /** How long one poll waits for events; a release is applied as soon as it arrives, not after this. */
    @WithDefault("200ms")
    Duration pollTimeout();

    @WithDefault("500")
    int maxPollRecords();

    /** The pause before a batch that failed (Redis down) is tried again. */
    @WithDefault("1s")
    Duration retryBackoff();

    /**
     * How soon the group gives a crashed instance's partitions to another (or to it, restarted): shorter
     * than Kafka's 45 s default, because until then that instance's segments get no changes.
     */
    @WithDefault("10s")
    Duration sessionTimeout();
}
