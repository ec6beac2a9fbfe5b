package dev.rollgate.outbox.relay;

import dev.rollgate.outbox.OutboxConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Starts this service's relay with the application, on its own datasource and broker, and stops it with it. */
@ApplicationScoped
public class RelayLifecycle {

    private final OutboxConfig config;
    private final MeterRegistry registry;
    private final String datasourceUrl;
    private final String user;
    private final Optional<String> password;
    private final String bootstrapServers;
    /**
     * The relay's PostgreSQL session gets an event loop of its own. On the application's, every reply waited
     * behind the requests being served: under a burst of commands a batch's reads and marks took 13-22 ms
     * instead of 4-8, and a row 67-85 ms on average from its transaction to the broker (43-54 since).
     */
    private volatile Vertx relayVertx;
    private volatile OutboxRelay relay;
    private volatile KafkaProbe probe;

    RelayLifecycle(OutboxConfig config, MeterRegistry registry,
                   @ConfigProperty(name = "quarkus.datasource.reactive.url") String datasourceUrl,
                   @ConfigProperty(name = "quarkus.datasource.username") String user,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                   @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
                   String bootstrapServers) {
        this.config = config;
        this.registry = registry;
        this.datasourceUrl = datasourceUrl;
        this.user = user;
        this.password = password;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        PgConnectOptions database = PgConnectOptions.fromUri(datasourceUrl).setUser(user)
                .setPassword(password.orElse("")).setTcpKeepAlive(true);
        OutboxConfig.Relay relayConfig = config.relay();
        relayVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        relay = new OutboxRelay(relayVertx, database, bootstrapServers, new RelaySettings(relayConfig.batchSize(),
                relayConfig.fallbackPoll(), relayConfig.lockKey(), relayConfig.standbyRetry(), relayConfig.maxBackoff(),
                relayConfig.keepSent(), config.maxMessageBytes()), new MicrometerRelayMetrics(registry));
        probe = new KafkaProbe(bootstrapServers);
        relay.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (relay != null) {
            relay.close();
        }
        if (relayVertx != null) {
            relayVertx.close();
        }
        if (probe != null) {
            probe.close();
        }
    }

    /** Null when the relay is off. */
    OutboxRelay relay() {
        return relay;
    }

    KafkaProbe probe() {
        return probe;
    }

    private static final class MicrometerRelayMetrics implements RelayMetrics {

        private final Counter published;
        private final Counter failures;
        private final Timer wait;
        private final AtomicLong backlog = new AtomicLong();
        private final AtomicLong deadLetters = new AtomicLong();

        MicrometerRelayMetrics(MeterRegistry registry) {
            published = Counter.builder("rollgate.outbox.published").description("outbox rows published to Kafka")
                    .register(registry);
            failures = Counter.builder("rollgate.outbox.publish.failures")
                    .description("batches the broker did not acknowledge").register(registry);
            wait = Timer.builder("rollgate.outbox.commit.to.ack")
                    .description("from a row's commit to the broker's acknowledgement").publishPercentiles(0.5, 0.99)
                    .register(registry);
            registry.gauge("rollgate.outbox.backlog", backlog);
            Gauge.builder("rollgate.outbox.dead.letters", deadLetters, AtomicLong::get)
                    .description("outbox rows set aside because the broker will never take them").register(registry);
        }

        @Override
        public void published(int count, Duration oldestWait) {
            published.increment(count);
            wait.record(oldestWait);
        }

        @Override
        public void publishFailed() {
            failures.increment();
        }

        @Override
        public void backlog(long rows) {
            backlog.set(rows);
        }

        @Override
        public void deadLettered(long total) {
            deadLetters.set(total);
        }
    }
}
