package dev.rollgate.release.rest;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rollgate.release.rest.ReleaseFixture.TASKS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class BatchReleaseIT {

    @Inject
    Pool pool;

    private static Map<String, Object> batch(List<String> packageIds) {
        return Map.of("packageIds", packageIds, "platform", "ANDROID", "releaseType", "OFFICIAL",
                "description", "spring release");
    }

    @Test
    void aBatchReleasesEachPackagesHighestVersionInOneGo() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.FINISHED_RELEASE);
        PackageServiceStandIn.version(app, "20000001", "1.1", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        PackageServiceStandIn.version(app, "20000002", "3.0", Platform.ANDROID, VersionState.FINISHED_RELEASE);

        given().contentType(ContentType.JSON).body(batch(List.of("20000001", "20000002"))).post(TASKS + "/batch", app)
                .then().statusCode(201)
                .body("tasks", hasSize(2))
                .body("tasks.version", contains("1.1", "3.0"))
                .body("tasks.state", everyItem(equalTo("RELEASING")))
                .body("tasks.batchId", everyItem(notNullValue()))
                .body("tasks.description", everyItem(equalTo("spring release")));
        List<String> batchIds = given().get(TASKS, app).jsonPath().getList("items.batchId");
        assertThat(batchIds).hasSize(2).doesNotContainNull();
        assertThat(batchIds.get(0)).isEqualTo(batchIds.get(1));
    }

    @Test
    void oneUnreleasablePackageStopsTheWholeBatchAndEveryReasonIsListed() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        PackageServiceStandIn.version(app, "20000002", "1.0", Platform.ANDROID, VersionState.PAUSED);
        PackageServiceStandIn.version(app, "20000003", "1.0", Platform.IOS, VersionState.TO_BE_RELEASED);
        ReleaseFixture.officialTask(app, "20000004", "2.0");
        PackageServiceStandIn.version(app, "20000004", "2.0", Platform.ANDROID, VersionState.OFFICIAL_RELEASING);
        PackageServiceStandIn.version(app, "20000004", "2.1", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        StoredRows before = StoredRows.of(pool, app);

        given().contentType(ContentType.JSON)
                .body(batch(List.of("20000001", "20000002", "20000003", "20000004", "20000005")))
                .post(TASKS + "/batch", app)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("4 of 5 packages"))
                .body("errors.field", contains("packageIds[1]", "packageIds[2]", "packageIds[3]", "packageIds[4]"))
                .body("errors.message", containsInAnyOrder(containsString("PAUSED"), containsString("no version on ANDROID"),
                        containsString("already has an active task"), containsString("does not exist")));

        assertThat(StoredRows.of(pool, app)).isEqualTo(before);
    }

    @Test
    void aPackageBlockingForTwoReasonsCountsAsOnePackage() {
        String app = ReleaseFixture.app();
        ReleaseFixture.officialTask(app, "20000001", "1.0");
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.OFFICIAL_RELEASING);
        PackageServiceStandIn.version(app, "20000002", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);

        given().contentType(ContentType.JSON).body(batch(List.of("20000001", "20000002")))
                .post(TASKS + "/batch", app)
                .then().statusCode(409)
                .body("detail", containsString("1 of 2 packages cannot be released"))
                .body("errors.field", contains("packageIds[0]", "packageIds[0]"));
    }

    @Test
    void aBatchNamesEachPackageOnce() {
        String app = ReleaseFixture.app();
        given().contentType(ContentType.JSON).body(batch(List.of("20000001", "20000001"))).post(TASKS + "/batch", app)
                .then().statusCode(400).body("errors[0].field", equalTo("packageIds"));
        given().contentType(ContentType.JSON).body(batch(List.of())).post(TASKS + "/batch", app)
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(batch(List.of("2000001"))).post(TASKS + "/batch", app)
                .then().statusCode(400).body("errors[0].field", equalTo("packageIds[0]"));
        given().contentType(ContentType.JSON).body(batch(List.of("20000001"))).post(TASKS + "/batch",
                "t" + System.nanoTime()).then().statusCode(404);
    }
}
