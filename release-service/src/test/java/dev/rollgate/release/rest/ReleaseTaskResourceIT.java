package dev.rollgate.release.rest;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.rollgate.release.rest.ReleaseFixture.TASKS;
import static dev.rollgate.release.rest.ReleaseFixture.command;
import static dev.rollgate.release.rest.ReleaseFixture.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class ReleaseTaskResourceIT {

    @Inject
    Pool pool;

    @Test
    void aGrayscaleTaskByWhitelistWithACityRuleCarriesItsVersionsArtifact() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0.0.2", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        String whitelist = ReleaseFixture.whitelist(app, "beta", List.of("u1"));

        String taskId = create(app, ReleaseFixture.grayscaleByWhitelist("20000001", "1.0.0.2", whitelist))
                .statusCode(201)
                .header("Location", containsString("/api/v1/apps/" + app + "/release-tasks/"))
                .header("ETag", equalTo("\"1\""))
                .body("state", equalTo("RELEASING")).body("releaseType", equalTo("GRAYSCALE"))
                .body("streamVersion", equalTo(1)).body("createdBy", equalTo("alice"))
                .body("grayscale.mode", equalTo("WHITELIST")).body("grayscale.whitelistIds", contains(whitelist))
                .body("rules[0].type", equalTo("CITY")).body("rules[0].values", contains("Hangzhou", "Shanghai"))
                .body("artifact.downloadUrl", equalTo("https://cdn.example.com/20000001/1.0.0.2.zip"))
                .body("artifact.sha256", equalTo("ab".repeat(32))).body("artifact.clientVersionMin", equalTo("10.0"))
                .extract().path("taskId");

        given().get(TASKS + "/{id}", app, taskId).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("taskId", equalTo(taskId)).body("description", equalTo("try the new checkout page"));
        given().get(TASKS + "/{id}/events", app, taskId).then().statusCode(200)
                .body("type", contains("ReleaseTaskCreated")).body("[0].actor", equalTo("alice"))
                .body("[0].data.artifact.sizeBytes", equalTo(1234));
    }

    @Test
    void aTaskGoesThroughPauseResumePromoteAndFinishWithAnAuditTrail() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "2.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        Map<String, Object> body = new HashMap<>(ReleaseFixture.grayscaleByWhitelist("20000001", "2.0", "unused"));
        body.put("grayscale", Map.of("mode", "TIME_WINDOW", "endTime",
                Instant.now().plus(7, ChronoUnit.DAYS).toString(), "usersCount", 1000));
        String taskId = create(app, body).statusCode(201).extract().path("taskId");

        command(app, taskId, "pause").statusCode(200).body("state", equalTo("PAUSED")).header("ETag", equalTo("\"2\""));
        command(app, taskId, "resume").statusCode(200).body("state", equalTo("RELEASING"));
        command(app, taskId, "promote").statusCode(200).body("releaseType", equalTo("OFFICIAL"))
                .body("grayscale", nullValue()).body("rules", hasSize(0));
        command(app, taskId, "finish").statusCode(200).body("state", equalTo("FINISHED"))
                .body("streamVersion", equalTo(5)).body("updatedBy", equalTo("bob"));

        given().get(TASKS + "/{id}/events", app, taskId).then()
                .body("type", contains("ReleaseTaskCreated", "ReleaseTaskPaused", "ReleaseTaskResumed",
                        "ReleaseTaskPromoted", "ReleaseTaskFinished"))
                .body("streamVersion", contains(1, 2, 3, 4, 5))
                .body("actor", contains("alice", "bob", "bob", "bob", "bob"));
    }

    @Test
    void aTransitionTheStateDoesNotAllowIsAConflictNamingTheState() {
        String app = ReleaseFixture.app();
        String taskId = ReleaseFixture.officialTask(app, "20000001", "1.0");
        command(app, taskId, "resume").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("RELEASING")).body("detail", containsString("resume"));
        command(app, taskId, "promote").statusCode(409);
        command(app, taskId, "cancel").statusCode(200).body("state", equalTo("CANCELLED"));
        command(app, taskId, "pause").statusCode(409).body("detail", containsString("CANCELLED"));
        command(app, taskId, "explode").statusCode(404).contentType("application/problem+json");
        command(app, "00000000-0000-0000-0000-000000000000", "pause").statusCode(404);
        command(ReleaseFixture.app(), taskId, "pause").statusCode(404);
    }

    @Test
    void aStaleIfMatchIsAConflictAndWritesNothing() {
        String app = ReleaseFixture.app();
        String taskId = ReleaseFixture.officialTask(app, "20000001", "1.0");
        given().header("If-Match", "\"1\"").post(TASKS + "/{id}/pause", app, taskId).then().statusCode(200);
        StoredRows before = StoredRows.of(pool, app);
        given().header("If-Match", "\"1\"").post(TASKS + "/{id}/resume", app, taskId).then().statusCode(409)
                .body("detail", containsString("version 2"));
        given().header("If-Match", "soon").post(TASKS + "/{id}/resume", app, taskId).then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        assertThat(StoredRows.of(pool, app)).isEqualTo(before);
        given().header("If-Match", "\"2\"").post(TASKS + "/{id}/resume", app, taskId).then().statusCode(200);
    }

    @Test
    void aVersionMustExistAndBeReleasable() {
        String app = ReleaseFixture.app();
        create(app, ReleaseFixture.official("20000009", "1.0")).statusCode(404).contentType("application/problem+json");
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.GRAYSCALE_RELEASING);
        create(app, ReleaseFixture.official("20000001", "1.0")).statusCode(409)
                .body("detail", containsString("GRAYSCALE_RELEASING"));
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.CANCELLED);
        create(app, ReleaseFixture.official("20000001", "1.0")).statusCode(201);
        assertThat(StoredRows.of(pool, app).tasks()).isEqualTo(1);
    }

    @Test
    void aPackageHasAtMostOneActiveTaskPerPlatform() {
        String app = ReleaseFixture.app();
        String first = ReleaseFixture.officialTask(app, "20000001", "1.0");
        PackageServiceStandIn.version(app, "20000001", "1.1", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        StoredRows before = StoredRows.of(pool, app);
        create(app, ReleaseFixture.official("20000001", "1.1")).statusCode(409)
                .body("detail", containsString(first));
        assertThat(StoredRows.of(pool, app)).isEqualTo(before);
        PackageServiceStandIn.version(app, "20000001", "1.1", Platform.IOS, VersionState.TO_BE_RELEASED);
        create(app, Map.of("packageId", "20000001", "version", "1.1", "platform", "IOS", "releaseType", "OFFICIAL"))
                .statusCode(201);
        command(app, first, "finish").statusCode(200);
        String second = create(app, ReleaseFixture.official("20000001", "1.1")).statusCode(201).extract().path("taskId");
        command(app, second, "cancel").statusCode(200);
        // Its official release finished: that version is the baseline now, not released again on its own.
        create(app, ReleaseFixture.official("20000001", "1.0")).statusCode(409).body("detail", containsString("FINISHED"));
    }

    @Test
    void invalidPlansAreRefusedWithEveryFieldNamed() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        Map<String, Object> body = new HashMap<>(ReleaseFixture.official("20000001", "1.0"));
        body.put("grayscale", Map.of("mode", "WHITELIST", "whitelistIds", List.of("w")));
        body.put("rules", List.of(Map.of("type", "CITY", "operator", "IN", "values", List.of("x"))));
        create(app, body).statusCode(400).body("errors.field", contains("grayscale", "rules"));

        Map<String, Object> grayscale = new HashMap<>(ReleaseFixture.grayscaleByWhitelist("20000001", "1.0", "w"));
        grayscale.put("grayscale", Map.of("mode", "TIME_WINDOW", "endTime", "2020-01-01T00:00:00Z", "usersCount", 0));
        grayscale.put("rules", List.of(Map.of("type", "OS_VERSION", "operator", "BETWEEN", "values", List.of("14", "12")),
                Map.of("type", "CUSTOM", "operator", "REGEX", "values", List.of("(?=x)"))));
        create(app, grayscale).statusCode(400).body("errors.field", contains("grayscale.endTime",
                "grayscale.usersCount", "rules[0].values", "rules[1].attribute", "rules[1].values[0]"));

        create(app, ReleaseFixture.grayscaleByWhitelist("20000001", "1.0", "4b8f1c5e-0000-4000-8000-000000000000"))
                .statusCode(404).body("detail", containsString("4b8f1c5e"));
        assertThat(StoredRows.of(pool, app).events()).isZero();
    }

    @Test
    void theListFiltersByPackageAndStateNewestFirst() {
        String app = ReleaseFixture.app();
        String a = ReleaseFixture.officialTask(app, "20000001", "1.0");
        String b = ReleaseFixture.officialTask(app, "20000002", "1.0");
        command(app, a, "pause").statusCode(200);
        given().get(TASKS, app).then().statusCode(200).body("total", equalTo(2)).body("items.taskId", contains(b, a));
        given().queryParam("state", "PAUSED").get(TASKS, app).then().body("items.taskId", contains(a));
        given().queryParam("packageId", "20000002").get(TASKS, app).then().body("items.taskId", contains(b));
        given().queryParam("size", 1).queryParam("page", 1).get(TASKS, app).then().body("items.taskId", contains(a));
        given().queryParam("state", "DONE").get(TASKS, app).then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void packageServiceDownIsA503AndNothingIsWritten() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        PackageServiceStandIn.stopServing();
        try {
            create(app, ReleaseFixture.official("20000001", "1.0")).statusCode(503)
                    .contentType("application/problem+json").body("detail", containsString("package-service"));
            given().contentType(ContentType.JSON).body(Map.of("name", "beta", "idType", "USER_ID"))
                    .post(ReleaseFixture.WHITELISTS, app).then().statusCode(503);
        } finally {
            PackageServiceStandIn.restart();
        }
        assertThat(StoredRows.of(pool, app)).isEqualTo(new StoredRows(0, 0, 0, 0, 0));
        create(app, ReleaseFixture.official("20000001", "1.0")).statusCode(201);
    }

    @Test
    void aCreatedTaskAnswersWithALocationUnderItsApp() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        String taskId = create(app, ReleaseFixture.official("20000001", "1.0")).statusCode(201)
                .extract().path("taskId");
        create(app, ReleaseFixture.official("20000001", "1.0")).statusCode(409);
        given().get(TASKS + "/{id}", app, taskId).then().header("ETag", equalTo("\"1\""));
        given().get(TASKS + "/{id}", ReleaseFixture.app(), taskId).then().statusCode(404);
        given().get(TASKS + "/{id}", app, "not-a-task").then().statusCode(400)
                .body("errors[0].field", endsWith("taskId"));
    }
}
