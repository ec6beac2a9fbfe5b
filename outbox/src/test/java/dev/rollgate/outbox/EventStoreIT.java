package dev.rollgate.outbox;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static dev.rollgate.outbox.OutboxTestData.AWAIT;
import static dev.rollgate.outbox.OutboxTestData.append;
import static dev.rollgate.outbox.OutboxTestData.events;
import static dev.rollgate.outbox.OutboxTestData.newAppKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class EventStoreIT {

    @Inject
    Mutiny.SessionFactory sessions;

    @Inject
    EventStore store;

    private List<RecordedEvent> load(String streamId) {
        return sessions.withSession(session -> store.load(session, streamId)).await().atMost(AWAIT);
    }

    private long outboxRows(String appKey) {
        return sessions.withSession(session -> session
                        .createNativeQuery("SELECT count(*) FROM outbox WHERE message_key = :app", Long.class)
                        .setParameter("app", appKey).getSingleResult())
                .await().atMost(AWAIT);
    }

    @Test
    void appendedEventsLoadInOrderAsTheyWereDecided() {
        String app = newAppKey();
        String stream = "whitelist-" + app;
        List<RecordedEvent> first = append(sessions, store, stream, 0, events(app, 2));
        append(sessions, store, stream, 2, events(app, 1));

        List<RecordedEvent> loaded = load(stream);
        assertThat(loaded).extracting(e -> e.envelope().streamVersion()).containsExactly(1L, 2L, 3L);
        assertThat(loaded).extracting(RecordedEvent::globalPosition).isSorted();
        assertThat(loaded.getFirst().envelope()).usingRecursiveComparison().isEqualTo(first.getFirst().envelope());
        assertThat(loaded.getFirst().envelope().type()).isEqualTo("WhitelistDeleted");
        assertThat(loaded.getFirst().envelope().actor()).isEqualTo("tester");
        assertThat(loaded.getFirst().envelope().appKey()).isEqualTo(app);
        assertThat(loaded.getFirst().recordedAt()).isNotNull();
        assertThat(outboxRows(app)).isEqualTo(3);
        assertThat(load("whitelist-nothing-" + app)).isEmpty();
    }

    @Test
    void aStaleExpectedVersionFailsAndWritesNothing() {
        String app = newAppKey();
        String stream = "whitelist-" + app;
        append(sessions, store, stream, 0, events(app, 2));

        assertThatThrownBy(() -> append(sessions, store, stream, 1, events(app, 1)))
                .isInstanceOf(StaleStreamException.class).hasMessageContaining(stream);
        assertThatThrownBy(() -> append(sessions, store, stream, 5, events(app, 1)))
                .isInstanceOf(StaleStreamException.class);
        assertThat(load(stream)).hasSize(2);
        assertThat(outboxRows(app)).isEqualTo(2);
    }

    @Test
    void twoWritersRacingOnOneStreamLeaveExactlyOneWinner() throws Exception {
        String app = newAppKey();
        String stream = "release-task-" + app;
        append(sessions, store, stream, 0, events(app, 1));
        CountDownLatch bothRead = new CountDownLatch(2);

        // Both writers load version 1, then both append version 2.
        CompletableFuture<Object> first = race(stream, app, bothRead);
        CompletableFuture<Object> second = race(stream, app, bothRead);
        List<Object> outcomes = List.of(first.get(), second.get());

        assertThat(outcomes).as(outcomes.toString()).filteredOn(o -> o instanceof StaleStreamException).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof List).hasSize(1);
        assertThat(load(stream)).extracting(e -> e.envelope().streamVersion()).containsExactly(1L, 2L);
        assertThat(outboxRows(app)).isEqualTo(2);
    }

    private CompletableFuture<Object> race(String stream, String app, CountDownLatch bothRead) {
        CompletableFuture<Void> gate = CompletableFuture.runAsync(() -> {
            try {
                bothRead.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return sessions.withTransaction(session -> store.load(session, stream)
                        .invoke(bothRead::countDown)
                        .call(() -> OutboxTestData.waitFor(gate))
                        .chain(loaded -> store.append(session, stream, loaded.size(), events(app, 1))))
                .map(Object.class::cast)
                .onFailure().recoverWithItem(e -> e)
                .subscribeAsCompletionStage().toCompletableFuture();
    }

    @Test
    void eventsAreAppendedTogetherWithTheCallersRowsOrNotAtAll() {
        String app = newAppKey();
        String stream = "release-task-" + app;
        assertThatThrownBy(() -> sessions.withTransaction(session -> session.persist(new TestNote(app, "decided"))
                        .chain(() -> store.append(session, stream, 0, events(app, 2)))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the command fails late"))))
                .await().atMost(AWAIT))
                .hasMessageContaining("fails late");

        assertThat(load(stream)).isEmpty();
        assertThat(outboxRows(app)).isZero();
        assertThat(sessions.withSession(session -> session.find(TestNote.class, app)).await().atMost(AWAIT)).isNull();
    }

    @Test
    void storedEventsCannotBeChangedOrDeleted() {
        String app = newAppKey();
        String stream = "whitelist-" + app;
        append(sessions, store, stream, 0, events(app, 1));

        assertThatThrownBy(() -> sessions.withTransaction(session -> session
                        .createNativeQuery("UPDATE event_store SET event_type = 'Forged' WHERE stream_id = :s")
                        .setParameter("s", stream).executeUpdate())
                .await().atMost(AWAIT))
                .hasStackTraceContaining("never updated or deleted");
        assertThatThrownBy(() -> sessions.withTransaction(session -> session
                        .createNativeQuery("DELETE FROM event_store WHERE stream_id = :s")
                        .setParameter("s", stream).executeUpdate())
                .await().atMost(AWAIT))
                .hasStackTraceContaining("never updated or deleted");
        assertThat(load(stream)).hasSize(1);
    }

    @Test
    void readAllPagesThroughEveryStreamInGlobalOrder() {
        String app = newAppKey();
        append(sessions, store, "whitelist-a-" + app, 0, events(app, 2));
        append(sessions, store, "whitelist-b-" + app, 0, events(app, 1));
        long start = load("whitelist-a-" + app).getFirst().globalPosition() - 1;

        List<RecordedEvent> page = sessions.withSession(session -> store.readAll(session, start, 2))
                .await().atMost(AWAIT);
        assertThat(page).hasSize(2).extracting(RecordedEvent::globalPosition).isSorted();
        List<RecordedEvent> next = sessions.withSession(session -> store.readAll(session, page.getLast()
                .globalPosition(), 100)).await().atMost(AWAIT);
        assertThat(next).extracting(e -> e.envelope().streamId()).contains("whitelist-b-" + app);
    }
}
