package dev.rollgate.release.rest;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;

/** Counts what a test's app has in every table, to prove that a refused command wrote nothing. */
record StoredRows(long events, long outbox, long tasks, long whitelists, long members) {

    static StoredRows of(Pool pool, String appKey) {
        return new StoredRows(
                count(pool, "SELECT count(*) FROM event_store WHERE metadata ->> 'appKey' = $1", appKey),
                count(pool, "SELECT count(*) FROM outbox WHERE message_key = $1", appKey),
                count(pool, "SELECT count(*) FROM release_task_view WHERE app_key = $1", appKey),
                count(pool, "SELECT count(*) FROM whitelist_view WHERE app_key = $1", appKey),
                count(pool, "SELECT count(*) FROM whitelist_member m JOIN whitelist_view w "
                        + "ON w.whitelist_id = m.whitelist_id WHERE w.app_key = $1", appKey));
    }

    private static long count(Pool pool, String sql, String appKey) {
        return pool.preparedQuery(sql).execute(Tuple.of(appKey)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }
}
