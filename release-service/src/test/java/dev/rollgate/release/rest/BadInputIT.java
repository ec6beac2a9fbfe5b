package dev.rollgate.release.rest;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.rollgate.release.rest.ReleaseFixture.TASKS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Broken and hostile bodies: each gets a 400 problem naming a field, none a 5xx, and nothing is written. */
@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class BadInputIT {

    @Inject
    Pool pool;

    @ParameterizedTest
    @ValueSource(strings = {
            "{", "[]", "null", "42", "{\"packageId\":20000001}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"WINDOWS\",\"releaseType\":\"OFFICIAL\"}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"SOMETIMES\"}",
            "{\"packageId\":\"20000001\",\"version\":1.0,\"platform\":\"IOS\",\"releaseType\":\"OFFICIAL\"}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"GRAYSCALE\","
                    + "\"grayscale\":{\"mode\":\"TIME_WINDOW\",\"endTime\":\"someday\",\"usersCount\":10}}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"GRAYSCALE\","
                    + "\"grayscale\":{\"mode\":\"TIME_WINDOW\",\"endTime\":\"2030-01-01T00:00:00Z\",\"usersCount\":\"ten\"}}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"GRAYSCALE\","
                    + "\"grayscale\":{\"mode\":\"WHITELIST\",\"whitelistIds\":\"w1\"},\"rules\":{}}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"GRAYSCALE\","
                    + "\"grayscale\":{\"mode\":\"WHITELIST\",\"whitelistIds\":[\"w1\"]},"
                    + "\"rules\":[{\"type\":\"PLANET\",\"operator\":\"IN\",\"values\":[\"x\"]}]}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"GRAYSCALE\","
                    + "\"grayscale\":{\"mode\":\"WHITELIST\",\"whitelistIds\":[\"w1\"]},"
                    + "\"rules\":[{\"type\":\"CITY\",\"operator\":\"IN\",\"values\":[\"x\"],\"inverted\":\"yes\"}]}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0"
                    + ".0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\","
                    + "\"platform\":\"IOS\",\"releaseType\":\"OFFICIAL\"}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"OFFICIAL\","
                    + "\"owner\":\"mallory\"}",
            "{\"packageId\":\"20000001\",\"version\":\"1.0\",\"platform\":\"IOS\",\"releaseType\":\"GRAYSCALE\","
                    + "\"grayscale\":{\"mode\":\"WHITELIST\",\"whitelistIds\":[\"w1\"]},"
                    + "\"rules\":[{\"type\":\"CITY\",\"operator\":\"IN\",\"values\":[\"x\"],\"caseInsensitve\":true}]}",
    })
    void malformedTasksAreRefusedAndWriteNothing(String body) {
        String app = ReleaseFixture.app();
        given().contentType(ContentType.JSON).body(body).post(TASKS, app)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors[0].field", notNullValue())
                .body(not(containsString("Exception")));
        assertThat(StoredRows.of(pool, app)).isEqualTo(new StoredRows(0, 0, 0, 0, 0));
    }

    /** Valid, but its event would be larger than the broker takes: refused as too large, nothing written. */
    @Test
    void aTaskWhoseEventWouldBeTooLargeIs413AndWritesNothing() {
        String app = ReleaseFixture.app();
        PackageServiceStandIn.version(app, "20000001", "1.0", Platform.IOS, VersionState.TO_BE_RELEASED);
        List<String> cities = IntStream.range(0, 1_000).mapToObj(i -> "c".repeat(250) + i).toList();
        List<Map<String, Object>> rules = IntStream.range(0, 6)
                .mapToObj(i -> Map.<String, Object>of("type", "CITY", "operator", "IN", "values", cities)).toList();
        Map<String, Object> body = Map.of("packageId", "20000001", "version", "1.0", "platform", "IOS",
                "releaseType", "GRAYSCALE", "grayscale", Map.of("mode", "TIME_WINDOW",
                        "endTime", Instant.now().plusSeconds(3_600).toString(), "usersCount", 10), "rules", rules);
        given().contentType(ContentType.JSON).body(body).post(TASKS, app)
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("smaller parts"));
        assertThat(StoredRows.of(pool, app)).isEqualTo(new StoredRows(0, 0, 0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"ids\":\"u1\"}", "{\"ids\":[1,2]}", "{\"ids\":[]}", "{\"ids\":[\"\"]}", "{}"})
    void malformedMemberBodiesAreRefused(String body) {
        String app = ReleaseFixture.app();
        String id = ReleaseFixture.whitelist(app, "beta", java.util.List.of());
        StoredRows before = StoredRows.of(pool, app);
        given().contentType(ContentType.JSON).body(body).post(ReleaseFixture.WHITELISTS + "/{id}/members", app, id)
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(StoredRows.of(pool, app)).isEqualTo(before);
    }
}
