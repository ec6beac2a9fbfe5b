package dev.rollgate.release.rest;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class ProjectionRebuildIT {

    @Inject
    Pool pool;

    private List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        for (Row row : pool.query(sql).execute().await().atMost(Duration.ofSeconds(10))) {
            rows.add(row.toJson().encode());
        }
        return rows;
    }

    private List<List<String>> views() {
        return List.of(rows("SELECT * FROM release_task_view ORDER BY task_id"),
                rows("SELECT * FROM release_task_whitelist ORDER BY task_id, whitelist_id"),
                rows("SELECT * FROM whitelist_view ORDER BY whitelist_id"),
                rows("SELECT * FROM whitelist_member ORDER BY whitelist_id, member_id"));
    }

    @Test
    void rebuildingTheViewsFromTheEventsGivesTheSameRows() {
        String app = ReleaseFixture.app();
        String beta = ReleaseFixture.whitelist(app, "beta", List.of("u1", "u2", "u3"));
        String gone = ReleaseFixture.whitelist(app, "gone", List.of("x"));
        given().delete(ReleaseFixture.WHITELISTS + "/{id}", app, gone).then().statusCode(204);
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        String grayscale = ReleaseFixture.create(app, ReleaseFixture.grayscaleByWhitelist("20000001", "1.0", beta))
                .statusCode(201).extract().path("taskId");
        ReleaseFixture.command(app, grayscale, "pause").statusCode(200);
        ReleaseFixture.command(app, grayscale, "promote").statusCode(200);
        String official = ReleaseFixture.officialTask(app, "20000002", "2.0");
        ReleaseFixture.command(app, official, "cancel").statusCode(200);

        List<List<String>> before = views();
        given().post("/admin/projections/rebuild").then().statusCode(200).body("events", greaterThan(8));
        assertThat(views()).isEqualTo(before);
    }

    /**
     * A rebuild replays beside the live views in short transactions: a command made meanwhile does not wait for
     * it, its event is published meanwhile (the relay marks it sent: no long transaction holds it back), and
     * the rebuilt views have its rows.
     */
    @Test
    void commandsAndTheRelayGoOnWhileARebuildRunsAndTheRebuiltViewsHaveTheirRows() {
        String app = ReleaseFixture.app();
        // A history of 1,500 whitelists, written straight into the event store: a rebuild of some seconds.
        pool.query("INSERT INTO event_store (stream_id, stream_version, event_type, payload, metadata) "
                + "SELECT 'whitelist-' || id, 1, 'WhitelistCreated', jsonb_build_object('whitelistId', id, "
                + "'name', 'history ' || id, 'idType', 'USER_ID'), jsonb_build_object('eventId', gen_random_uuid(), "
                + "'appKey', '" + app + "', 'actor', 'tester', 'occurredAt', '2026-11-01T00:00:00Z', "
                + "'schemaVersion', 1) FROM (SELECT gen_random_uuid()::text AS id FROM generate_series(1, 1500)) AS s")
                .execute().await().atMost(Duration.ofSeconds(10));
        CompletableFuture<Integer> rebuild = CompletableFuture.supplyAsync(() ->
                given().post("/admin/projections/rebuild").statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> !rows("SELECT schema_name FROM information_schema.schemata "
                + "WHERE schema_name = 'rollgate_rebuild'").isEmpty() || rebuild.isDone());
        assertThat(rebuild).as("the rebuild is still running").isNotDone();

        String during = ReleaseFixture.whitelist(app, "made during the rebuild", List.of("late-member"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !rows("SELECT id FROM outbox WHERE message_key = '" + app
                + "' AND message_value LIKE '%" + during + "%' AND sent_at IS NOT NULL").isEmpty());
        assertThat(rebuild).as("the command and its event did not wait for the rebuild").isNotDone();

        assertThat(rebuild.join()).isEqualTo(200);
        given().get(ReleaseFixture.WHITELISTS + "/{id}", app, during).then().statusCode(200)
                .body("memberCount", equalTo(1));
        assertThat(rows("SELECT member_id FROM whitelist_member WHERE whitelist_id = '" + during + "'"))
                .containsExactly("{\"member_id\":\"late-member\"}");
    }
}
