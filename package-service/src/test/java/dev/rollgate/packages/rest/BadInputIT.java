package dev.rollgate.packages.rest;

import dev.rollgate.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

/** Hostile and broken requests: each gets a 4xx problem, none a 5xx or a stack trace, and none writes anything. */
@QuarkusTest
class BadInputIT {

    private static final String VERSION_OK = """
            {"version":"1.0","platform":"ANDROID","clientVersionMin":"1.0","downloadUrl":"https://c/a.zip",
             "sha256":"%s","sizeBytes":10}""".formatted("a".repeat(64));

    @ParameterizedTest
    @ValueSource(strings = {
            "{", "[]", "null", "\"x\"", "{\"appKey\":", "{\"appKey\":\"ok-app\"}", "{\"appKey\":42,\"name\":\"x\"}",
            "{\"appKey\":\"-bad\",\"name\":\"x\"}", "{\"appKey\":\"a\",\"name\":\"x\"}",
            "{\"appKey\":\"ok-app\",\"name\":\"\"}", "{\"appKey\":\"ok-app\",\"name\":[1]}",
            "{\"appKey\":\"ok\\u0000app\",\"name\":\"x\"}", "{\"appKey\":{\"a\":1},\"name\":\"x\"}"})
    void malformedAppsAreRefused(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/apps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors", notNullValue())
                .body(not(containsString("Exception")));
        given().get("/api/v1/apps").then().body("appKey", not(hasItem("ok-app")));
    }

    @Test
    void anOverlongNameIsRefused() {
        given().contentType(ContentType.JSON).body("{\"appKey\":\"ok-app\",\"name\":\"" + "n".repeat(129) + "\"}")
                .post("/api/v1/apps").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void wrongTypesAndUnknownEnumsNameTheField() {
        String app = CatalogFixture.app();
        given().contentType(ContentType.JSON).body("{\"packageId\":\"20000001\",\"name\":\"x\",\"type\":\"HUGE\"}")
                .post("/api/v1/apps/{app}/packages", app)
                .then().statusCode(400).body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("NORMAL"));
        given().contentType(ContentType.JSON).body("{\"packageId\":\"2000001\",\"name\":\"x\",\"type\":\"NORMAL\"}")
                .post("/api/v1/apps/{app}/packages", app)
                .then().statusCode(400).body("errors[0].field", equalTo("packageId"));
        given().contentType(ContentType.JSON).body("{\"packageId\":\"20000001\",\"name\":\"x\",\"type\":\"NORMAL\",\"vhost\":\"a b\"}")
                .post("/api/v1/apps/{app}/packages", app)
                .then().statusCode(400).body("errors[0].field", equalTo("vhost"));
        CatalogFixture.pkg(app, "20000001", "Checkout");
        for (String body : List.of(
                VERSION_OK.replace("10}", "\"ten\"}"),
                VERSION_OK.replace("10}", "-5}"),
                VERSION_OK.replace("10}", "99999999999999999999}"),
                VERSION_OK.replace("ANDROID", "WINDOWS"),
                VERSION_OK.replace("\"1.0\",\"platform", "1.0,\"platform"),
                VERSION_OK.replace("https://c/a.zip", "x".repeat(3000)))) {
            given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/apps/{app}/packages/20000001/versions", app)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", notNullValue());
        }
        given().get("/api/v1/apps/{app}/packages/20000001", app).then().body("versions.size()", equalTo(0));
    }

    @Test
    void aSearchWithAControlCharacterIs400NotAServerError() {
        given().urlEncodingEnabled(false).get("/api/v1/apps/{app}/packages?q=%00", CatalogFixture.app())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        given().contentType(ContentType.JSON).body("{\"appKey\":\"ok-app\",\"name\":\"N\",\"owner\":\"mallory\"}")
                .post("/api/v1/apps").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("owner"));
    }

    @Test
    void aJsonBodyThatDoesNotAnnounceItsLengthIs411() throws Exception {
        // Quarkus's limit is raised to the uploads' size, so a chunked body must not reach a JSON endpoint.
        String token = TestTokens.mint("admin", List.of("admin"), List.of("*"), Duration.ofMinutes(5));
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/apps"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                            "{\"appKey\":\"ok-app\",\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(411);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @Test
    void aBodyOverTheLimitIs413() {
        given().contentType(ContentType.JSON).body("{\"appKey\":\"ok-app\",\"name\":\"" + "n".repeat(70_000) + "\"}")
                .post("/api/v1/apps").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void otherContentTypesMethodsAndPathsGetProblems() {
        given().contentType(ContentType.TEXT).body("appKey=x").post("/api/v1/apps")
                .then().statusCode(415).contentType("application/problem+json");
        given().delete("/api/v1/apps").then().statusCode(405).contentType("application/problem+json");
        given().get("/api/v1/nothing/here").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/apps/{app}/packages/{id}", CatalogFixture.app(), "not-eight")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("8 digits"));
    }
}
