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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

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

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private OutboxRelay relay(long lockKey) {
        RelaySettings settings = new RelaySettings(100, Duration.ofSeconds(1), lockKey, Duration.ofMillis(300),
                Duration.ofSeconds(1), Duration.ofDays(7), 1_000_000);
        PgConnectOptions database = PgConnectOptions.fromUri(url).setUser(user).setPassword(password.orElse(""));
        return new OutboxRelay(vertx, database, bootstrapServers, settings, RelayMetrics.NONE);
    }

    @Test
    void whenTheLeadersSessionIsCutMidStreamTheStandbyTakesOverAndAConsumerMissesNothing() throws Exception {
        // An int key, so that the lock shows in pg_locks as objid alone.
        long lockKey = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        String app = newAppKey();
        String stream = "release-task-" + app;
        int appends = 40;
        try (KafkaCompanion kafka = OutboxTestData.companion(bootstrapServers);
             OutboxRelay first = relay(lockKey); OutboxRelay second = relay(lockKey)) {
            first.start();
            second.start();
            await().atMost(AWAIT).until(() -> first.role() == RelayRole.LEADER || second.role() == RelayRole.LEADER);
            OutboxRelay leader = first.role() == RelayRole.LEADER ? first : second;
            OutboxRelay standby = leader == first ? second : first;

            // The cut comes from a thread of its own once ten events are out, while this one goes on appending.
            CompletableFuture<Integer> cut = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    await().atMost(AWAIT).until(() -> versionsInOrder(published(kafka, app), stream).size() >= 10);
                    cut.complete(terminateSessionHolding(lockKey));
                } catch (RuntimeException | SQLException e) {
                    cut.completeExceptionally(e);
                }
            });
            for (int version = 0; version < appends; version++) {
                append(sessions, store, stream, version, events(app, 1));
                sleep(25);
            }
            assertThat(cut.get(AWAIT.toSeconds(), TimeUnit.SECONDS)).as("sessions cut").isEqualTo(1);

            await().atMost(AWAIT).until(() -> standby.role() == RelayRole.LEADER || leader.role() == RelayRole.LEADER);
            List<Long> expected = LongStream.rangeClosed(1, appends).boxed().toList();
            await().atMost(AWAIT).untilAsserted(() -> assertThat(versionsInOrder(published(kafka, app), stream))
                    .containsExactlyElementsOf(expected));
            // At least once: a batch the cut leader had sent but not marked may go out again, never more.
            assertThat(OutboxTestData.duplicates(published(kafka, app), stream)).isLessThanOrEqualTo(appends);
        }
    }

    /** A crash as the database sees it: the leader's session ends without the relay closing anything. */
    private int terminateSessionHolding(long lockKey) throws SQLException {
        try (Connection jdbc = DriverManager.getConnection(jdbcUrl, user, password.orElse(""));
             PreparedStatement cut = jdbc.prepareStatement("SELECT count(pg_terminate_backend(pid)) "
                     + "FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = ?")) {
            cut.setLong(1, lockKey);
            try (ResultSet rows = cut.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
