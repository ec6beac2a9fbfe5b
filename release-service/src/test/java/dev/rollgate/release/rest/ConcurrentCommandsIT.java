package dev.rollgate.release.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.rollgate.release.rest.ReleaseFixture.TASKS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class ConcurrentCommandsIT {

    @Inject
    Pool pool;

    @RepeatedTest(3)
    void twoWritersRacingOnOneTaskLeaveOneWinnerAndNoLostOrDuplicatedEvent() throws Exception {
        String app = ReleaseFixture.app();
        String taskId = ReleaseFixture.officialTask(app, "20000001", "1.0");
        ExecutorService pool2 = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Integer>> racers = List.of("pause", "cancel").stream()
                    .map(command -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return given().post(TASKS + "/{id}/{command}", app, taskId, command).statusCode();
                    }, pool2))
                    .toList();
            start.countDown();
            List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();

            // Either order is legal (a paused task can be cancelled); a lost update never is.
            assertThat(statuses).allMatch(status -> status == 200 || status == 409);
            long successes = statuses.stream().filter(status -> status == 200).count();
            List<String> events = given().get(TASKS + "/{id}/events", app, taskId).jsonPath().getList("type");
            assertThat(events).hasSize(1 + (int) successes).startsWith("ReleaseTaskCreated").doesNotHaveDuplicates();
            assertThat(StoredRows.of(pool, app).outbox()).isEqualTo(events.size());
            String state = given().get(TASKS + "/{id}", app, taskId).jsonPath().getString("state");
            assertThat(state).isEqualTo(events.getLast().equals("ReleaseTaskPaused") ? "PAUSED" : "CANCELLED");
        } finally {
            pool2.shutdownNow();
        }
    }

    @RepeatedTest(3)
    void twoPausesAtOnceGiveOnePauseAndOneConflict() {
        String app = ReleaseFixture.app();
        String taskId = ReleaseFixture.officialTask(app, "20000001", "1.0");
        List<CompletableFuture<Integer>> racers = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() ->
                        given().post(TASKS + "/{id}/pause", app, taskId).statusCode()))
                .toList();
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(given().get(TASKS + "/{id}/events", app, taskId).jsonPath().getList("type"))
                .containsExactly("ReleaseTaskCreated", "ReleaseTaskPaused");
    }
}
