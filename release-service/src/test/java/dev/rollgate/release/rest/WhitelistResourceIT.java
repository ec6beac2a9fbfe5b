package dev.rollgate.release.rest;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.rollgate.release.rest.ReleaseFixture.WHITELISTS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class WhitelistResourceIT {

    private static final Logger LOG = Logger.getLogger(WhitelistResourceIT.class);

    @Inject
    Pool pool;

    /**
     * 5,000 ids of 128 CJK characters are valid input, 1.9 MB of them: more than one message may hold. They are
     * split into events the broker takes, and the relay publishes them and what comes after.
     */
    @Test
    void largeIdsAreSplitIntoEventsTheBrokerTakesAndAllOfThemArePublished() {
        String app = ReleaseFixture.app();
        String id = ReleaseFixture.whitelist(app, "wide", List.of());
        List<String> ids = IntStream.range(0, 5_000)
                .mapToObj(i -> String.format("%05d", i) + "\u7070".repeat(123)).toList();
        given().contentType(ContentType.JSON).body(Map.of("ids", ids)).post(WHITELISTS + "/{id}/members", app, id)
                .then().statusCode(200).body("added", equalTo(5_000));
        String after = ReleaseFixture.whitelist(app, "after", List.of("u1"));

        List<Long> sizes = new ArrayList<>();
        pool.preparedQuery("SELECT octet_length(message_value) FROM outbox WHERE message_key = $1")
                .execute(Tuple.of(app)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> sizes.add(row.getLong(0)));
        assertThat(sizes).hasSizeGreaterThan(4).allMatch(size -> size < 1_000_000);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(pool.preparedQuery("SELECT count(*) FROM outbox WHERE message_key = $1 AND sent_at IS NULL")
                        .execute(Tuple.of(app)).await().atMost(Duration.ofSeconds(10))
                        .iterator().next().getLong(0)).isZero());
        given().get(WHITELISTS + "/{id}", app, after).then().statusCode(200);
    }

    @Test
    void aWhitelistCountsEachMemberOnceWhateverTheFormat() {
        String app = ReleaseFixture.app();
        String id = ReleaseFixture.whitelist(app, "beta", List.of());
        String members = WHITELISTS + "/{id}/members";

        given().contentType(ContentType.JSON).body(Map.of("ids", List.of("u1", "u2", "u2", "u3")))
                .post(members, app, id).then().statusCode(200).body("added", equalTo(3)).body("total", equalTo(3));
        given().contentType(ContentType.TEXT).body("u3\nu4\n\nu5\n").post(members, app, id)
                .then().statusCode(200).body("added", equalTo(2)).body("total", equalTo(5));
        given().contentType("text/csv").body("u5,Eve\nu6,Mallory\n").post(members, app, id)
                .then().statusCode(200).body("added", equalTo(1)).body("total", equalTo(6));
        given().contentType(ContentType.JSON).body(Map.of("ids", List.of("u1", "nobody")))
                .delete(members, app, id).then().statusCode(200).body("removed", equalTo(1)).body("total", equalTo(5));

        given().get(WHITELISTS, app).then().statusCode(200).body("name", contains("beta"))
                .body("[0].memberCount", equalTo(5)).body("[0].idType", equalTo("USER_ID"));
        given().queryParam("size", 2).get(members, app, id).then().body("ids", contains("u2", "u3"));
        String cursor = given().queryParam("size", 2).get(members, app, id).path("nextCursor");
        given().queryParam("size", 2).queryParam("cursor", cursor).get(members, app, id).then()
                .body("ids", contains("u4", "u5"));
        given().queryParam("size", 5).get(members, app, id).then().body("nextCursor", nullValue());
    }

    @Test
    void aHundredThousandIdsGoInOneCallAsEventsOfAtMostFiveThousand() {
        String app = ReleaseFixture.app();
        String id = ReleaseFixture.whitelist(app, "everyone", List.of());
        String body = IntStream.range(0, 100_000).mapToObj(i -> "user-" + i).collect(Collectors.joining("\n"));
        long started = System.nanoTime();
        given().contentType(ContentType.TEXT).body(body).post(WHITELISTS + "/{id}/members", app, id)
                .then().statusCode(200).body("added", equalTo(100_000)).body("total", equalTo(100_000));
        LOG.infof("100,000 ids added in %d ms", (System.nanoTime() - started) / 1_000_000);

        // WhitelistCreated plus twenty member events of 5,000 ids each.
        assertThat(StoredRows.of(pool, app).events()).isEqualTo(21);
        assertThat(StoredRows.of(pool, app).members()).isEqualTo(100_000);
        given().contentType(ContentType.TEXT).body(body + "\nuser-100000").post(WHITELISTS + "/{id}/members", app, id)
                .then().statusCode(400).body("errors[0].field", equalTo("ids"));
    }

    @Test
    void namesAreUniquePerAppAndBadIdsAreNamedByPosition() {
        String app = ReleaseFixture.app();
        String id = ReleaseFixture.whitelist(app, "beta", List.of());
        given().contentType(ContentType.JSON).body(Map.of("name", "beta", "idType", "DEVICE_ID")).post(WHITELISTS, app)
                .then().statusCode(409);
        ReleaseFixture.whitelist(ReleaseFixture.app(), "beta", List.of());
        List<String> ids = new ArrayList<>(List.of("ok", "x".repeat(129), "bad\tid"));
        StoredRows before = StoredRows.of(pool, app);
        given().contentType(ContentType.JSON).body(Map.of("ids", ids)).post(WHITELISTS + "/{id}/members", app, id)
                .then().statusCode(400).body("errors.field", contains("ids[1]", "ids[2]"));
        assertThat(StoredRows.of(pool, app)).isEqualTo(before);
        given().contentType(ContentType.JSON).body(Map.of("ids", List.of("u1")))
                .post(WHITELISTS + "/{id}/members", app, "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void aWhitelistThatAnActiveTaskUsesCannotBeDeleted() {
        String app = ReleaseFixture.app();
        String id = ReleaseFixture.whitelist(app, "beta", List.of("u1"));
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.ANDROID, VersionState.TO_BE_RELEASED);
        String taskId = ReleaseFixture.create(app, ReleaseFixture.grayscaleByWhitelist("20000001", "1.0", id))
                .statusCode(201).extract().path("taskId");

        given().delete(WHITELISTS + "/{id}", app, id).then().statusCode(409).body("detail", containsString(taskId));
        ReleaseFixture.command(app, taskId, "cancel").statusCode(200);
        given().delete(WHITELISTS + "/{id}", app, id).then().statusCode(204);
        given().get(WHITELISTS, app).then().body("size()", equalTo(0));
        given().delete(WHITELISTS + "/{id}", app, id).then().statusCode(404);
        ReleaseFixture.whitelist(app, "beta", List.of());
    }
}
