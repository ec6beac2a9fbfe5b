package dev.rollgate.release.rest;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;

import java.util.List;
import java.util.Map;

import static dev.rollgate.release.rest.ReleaseFixture.TASKS;
import static dev.rollgate.release.rest.ReleaseFixture.WHITELISTS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Commands that race, released at one start latch: one wins, the other is refused, nothing is half-written. */
@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class ConcurrentCommandsIT {

    @Inject
    Pool pool;

    @RepeatedTest(3)
    void twoWritersRacingOnOneTaskLeaveOneWinnerAndNoLostOrDuplicatedEvent() {
        String app = ReleaseFixture.app();
        String taskId = ReleaseFixture.officialTask(app, "20000001", "1.0");

        List<Integer> statuses = Race.of(() -> command(app, taskId, "pause"), () -> command(app, taskId, "cancel"));

        // Either order is legal (a paused task can be cancelled); a lost update never is.
        assertThat(statuses).allMatch(status -> status == 200 || status == 409).contains(200);
        long successes = statuses.stream().filter(status -> status == 200).count();
        List<String> events = given().get(TASKS + "/{id}/events", app, taskId).jsonPath().getList("type");
        assertThat(events).hasSize(1 + (int) successes).startsWith("ReleaseTaskCreated").doesNotHaveDuplicates();
        assertThat(StoredRows.of(pool, app).outbox()).isEqualTo(events.size());
        String state = given().get(TASKS + "/{id}", app, taskId).jsonPath().getString("state");
        assertThat(state).isEqualTo(events.getLast().equals("ReleaseTaskPaused") ? "PAUSED" : "CANCELLED");
    }

    @RepeatedTest(3)
    void twoPausesAtOnceGiveOnePauseAndOneConflict() {
        String app = ReleaseFixture.app();
        String taskId = ReleaseFixture.officialTask(app, "20000001", "1.0");

        List<Integer> statuses = Race.of(() -> command(app, taskId, "pause"), () -> command(app, taskId, "pause"));

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(given().get(TASKS + "/{id}/events", app, taskId).jsonPath().getList("type"))
                .containsExactly("ReleaseTaskCreated", "ReleaseTaskPaused");
    }

    @RepeatedTest(3)
    void twoTasksForOnePackageAtOnceGiveOneActiveTask() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        PackageServiceStandIn.version(app, "20000001", "1.1", Platform.ANDROID, VersionState.TO_BE_RELEASED);

        List<Integer> statuses = Race.of(
                () -> ReleaseFixture.create(app, ReleaseFixture.official("20000001", "1.0")).extract().statusCode(),
                () -> ReleaseFixture.create(app, ReleaseFixture.official("20000001", "1.1")).extract().statusCode());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(given().queryParam("packageId", "20000001").get(TASKS, app).jsonPath().getList("items"))
                .hasSize(1);
        assertThat(StoredRows.of(pool, app).outbox()).isEqualTo(1);
    }

    @RepeatedTest(3)
    void aBatchRacingATaskOnOneOfItsPackagesIsAllOrNothing() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        PackageServiceStandIn.version(app, "20000002", "2.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);

        List<Integer> statuses = Race.of(
                () -> given().contentType(ContentType.JSON).body(Map.of("packageIds", List.of("20000001", "20000002"),
                        "platform", "ANDROID", "releaseType", "OFFICIAL")).post(TASKS + "/batch", app).statusCode(),
                () -> ReleaseFixture.create(app, ReleaseFixture.official("20000002", "2.0")).extract().statusCode());

        assertThat(statuses).containsAnyOf(201).contains(409);
        List<Object> tasks = given().get(TASKS, app).jsonPath().getList("items");
        // The batch won with both its tasks, or the single task won and the batch created none.
        assertThat(tasks).hasSize(statuses.get(0) == 201 ? 2 : 1);
        assertThat(StoredRows.of(pool, app).outbox()).isEqualTo(tasks.size());
    }

    @RepeatedTest(3)
    void deletingAWhitelistRacingATaskThatUsesItNeverLeavesTheTaskWithoutIt() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        String whitelist = ReleaseFixture.whitelist(app, "beta", List.of("u1"));

        List<Integer> statuses = Race.of(
                () -> ReleaseFixture.create(app, ReleaseFixture.grayscaleByWhitelist("20000001", "1.0", whitelist))
                        .extract().statusCode(),
                () -> given().delete(WHITELISTS + "/{id}", app, whitelist).statusCode());

        // Task first: the deletion sees it and is refused. Deletion first: the task finds no whitelist.
        assertThat(statuses).isIn(List.of(201, 409), List.of(404, 204));
        boolean whitelistLives = given().get(WHITELISTS + "/{id}", app, whitelist).statusCode() == 200;
        assertThat(whitelistLives).isEqualTo(statuses.get(0) == 201);
    }

    private static int command(String app, String taskId, String command) {
        return given().post(TASKS + "/{id}/{command}", app, taskId, command).statusCode();
    }
}
