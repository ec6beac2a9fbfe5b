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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
}
