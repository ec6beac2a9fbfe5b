package dev.rollgate.outbox.relay;

import dev.rollgate.outbox.EventStore;
import dev.rollgate.outbox.OutboxTestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static dev.rollgate.outbox.OutboxTestData.AWAIT;
import static dev.rollgate.outbox.OutboxTestData.append;
import static dev.rollgate.outbox.OutboxTestData.events;
import static dev.rollgate.outbox.OutboxTestData.newAppKey;
import static dev.rollgate.outbox.OutboxTestData.published;
import static dev.rollgate.outbox.OutboxTestData.versionsInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two relays on one database, as two instances of a service run them: one leads, the other takes over. */
@QuarkusTest
@TestProfile(RelayFailoverIT.WithoutTheApplicationsRelay.class)
class RelayFailoverIT {

    public static class WithoutTheApplicationsRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollgate.outbox.relay.enabled", "false");
        }
    }

    @Inject
    Vertx vertx;

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    EventStore store;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private OutboxRelay relay(long lockKey) {
        RelaySettings settings = new RelaySettings(100, Duration.ofSeconds(1), lockKey, Duration.ofMillis(300),
                Duration.ofSeconds(1), Duration.ofDays(7));
        PgConnectOptions database = PgConnectOptions.fromUri(url).setUser("postgres");
        return new OutboxRelay(vertx, database, bootstrapServers, settings, RelayMetrics.NONE);
    }

    @Test
    void exactlyOneRelayLeadsAndTheOtherTakesOverWhenItStops() {
        long lockKey = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String app = newAppKey();
        String stream = "release-task-" + app;
        try (KafkaCompanion kafka = OutboxTestData.companion(bootstrapServers);
             OutboxRelay first = relay(lockKey); OutboxRelay second = relay(lockKey)) {
            first.start();
            second.start();
            await().atMost(AWAIT).until(() -> List.of(first.role(), second.role())
                    .containsAll(List.of(RelayRole.LEADER, RelayRole.STANDBY)));
            OutboxRelay leader = first.role() == RelayRole.LEADER ? first : second;
            OutboxRelay standby = leader == first ? second : first;

            append(sessions, store, stream, 0, events(app, 3));
            await().atMost(AWAIT).untilAsserted(() -> assertThat(versionsInOrder(published(kafka, app), stream))
                    .containsExactly(1L, 2L, 3L));
            assertThat(standby.role()).isEqualTo(RelayRole.STANDBY);

            leader.close();
            append(sessions, store, stream, 3, events(app, 2));
            await().atMost(Duration.ofSeconds(10)).until(() -> standby.role() == RelayRole.LEADER);
            await().atMost(AWAIT).untilAsserted(() -> assertThat(versionsInOrder(published(kafka, app), stream))
                    .containsExactly(1L, 2L, 3L, 4L, 5L));
        }
    }
}
