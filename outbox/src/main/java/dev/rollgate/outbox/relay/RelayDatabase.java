package dev.rollgate.outbox.relay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The relay's own PostgreSQL session: it holds the advisory lock that makes this relay the leader (the lock
 * goes when the session does, so a dead leader frees it), LISTENs for commits, and reads and marks rows.
 * Its methods block: the relay runs them on its own thread, never on an event loop.
 */
final class RelayDatabase implements AutoCloseable {

    static final String CHANNEL = "rollgate_outbox";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PgConnection connection;

    private RelayDatabase(PgConnection connection) {
        this.connection = connection;
    }

    static RelayDatabase connect(Vertx vertx, PgConnectOptions options, Runnable onCommit) {
        PgConnection connection = await(PgConnection.connect(vertx, options));
        connection.notificationHandler(notification -> onCommit.run());
        return new RelayDatabase(connection);
    }

    boolean tryLock(long key) {
        return await(connection.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(key)))
                .iterator().next().getBoolean(0);
    }

    void listen() {
        await(connection.query("LISTEN " + CHANNEL).execute());
    }

    /**
     * The oldest unsent rows, each ready or held back by an older transaction still running; marks
     * {@code acknowledged} sent in the same statement, which saves a batch one round trip. The query reads the
     * table as it was before that mark, so those rows are left out by id.
     */
    ReadyBatch nextBatch(int limit, List<PendingMessage> acknowledged) {
        Long[] marked = acknowledged.stream().map(PendingMessage::id).toArray(Long[]::new);
        RowSet<Row> rows = await(connection.preparedQuery(
                "WITH marked AS (UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY($2)) "
                        + "SELECT id, topic, message_key, message_value, created_at, "
                        + "xid < pg_snapshot_xmin(pg_current_snapshot()) AS ready "
                        + "FROM outbox WHERE sent_at IS NULL AND id <> ALL($2) ORDER BY id LIMIT $1")
                .execute(Tuple.tuple().addInteger(limit).addArrayOfLong(marked)));
        List<PendingMessage> ready = new ArrayList<>();
        boolean heldBack = false;
        for (Row row : rows) {
            if (row.getBoolean("ready")) {
                OffsetDateTime created = row.getOffsetDateTime("created_at");
                ready.add(new PendingMessage(row.getLong("id"), row.getString("topic"), row.getString("message_key"),
                        row.getString("message_value"), created.toInstant()));
            } else {
                heldBack = true;
            }
        }
        return new ReadyBatch(ready, heldBack);
    }

    void markSent(List<PendingMessage> messages) {
        Long[] ids = messages.stream().map(PendingMessage::id).toArray(Long[]::new);
        await(connection.preparedQuery("UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY($1)")
                .execute(Tuple.of(ids)));
    }

    /** Moves a row the broker will never take to the dead-letter table, with why; the rows behind it go on. */
    void deadLetter(PendingMessage message, String reason) {
        await(connection.preparedQuery("WITH dead AS (DELETE FROM outbox WHERE id = $1 "
                        + "RETURNING id, topic, message_key, message_value, created_at) "
                        + "INSERT INTO outbox_dead_letter (id, topic, message_key, message_value, created_at, reason) "
                        + "SELECT id, topic, message_key, message_value, created_at, $2 FROM dead")
                .execute(Tuple.of(message.id(), reason)));
    }

    long deadLetters() {
        return await(connection.query("SELECT count(*) FROM outbox_dead_letter").execute())
                .iterator().next().getLong(0);
    }

    long backlog() {
        return await(connection.query("SELECT count(*) FROM outbox WHERE sent_at IS NULL").execute())
                .iterator().next().getLong(0);
    }

    /** Deletes published rows older than {@code before}, a bounded number at a time. */
    int pruneSentBefore(Instant before) {
        return await(connection.preparedQuery("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox "
                        + "WHERE sent_at < $1 ORDER BY id LIMIT 10000)")
                .execute(Tuple.of(OffsetDateTime.ofInstant(before, ZoneOffset.UTC)))).rowCount();
    }

    @Override
    public void close() {
        try {
            connection.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing a broken session can fail too; the server drops it (and the lock) either way.
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new RelayDatabaseException(e.getCause());
        } catch (TimeoutException e) {
            throw new RelayDatabaseException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayDatabaseException(e);
        }
    }
}
