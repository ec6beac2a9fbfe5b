package dev.rollgate.packages.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class VersionResourceIT {

    @Test
    void aNewVersionStartsToBeReleasedAndReadsBack() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        Map<String, Object> body = CatalogFixture.versionBody("1.0.0.2", "ANDROID");
        body.put("clientVersionMax", "12.9");
        body.put("fallbackBaseUrl", "https://m.example.com/checkout/");
        body.put("sha256", "AB".repeat(32));

        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/apps/{app}/packages/20000001/versions", app)
                .then().statusCode(201)
                .header("Location", endsWith("/versions/1.0.0.2?platform=ANDROID"))
                .body("state", equalTo("TO_BE_RELEASED")).body("sha256", equalTo("ab".repeat(32)));

        given().queryParam("platform", "ANDROID")
                .get("/api/v1/apps/{app}/packages/20000001/versions/1.0.0.2", app)
                .then().statusCode(200)
                .body("appKey", equalTo(app)).body("packageId", equalTo("20000001"))
                .body("version", equalTo("1.0.0.2")).body("platform", equalTo("ANDROID"))
                .body("state", equalTo("TO_BE_RELEASED"))
                .body("downloadUrl", equalTo("https://cdn.example.com/1.0.0.2.zip"))
                .body("sizeBytes", equalTo(183211)).body("mainUrl", equalTo("/index.html"))
                .body("fallbackBaseUrl", equalTo("https://m.example.com/checkout/"))
                .body("clientVersionMin", equalTo("10.0")).body("clientVersionMax", equalTo("12.9"));
    }

    @Test
    void aVersionIsFoundByAnyEqualSpelling() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "10.2", "IOS");
        given().queryParam("platform", "IOS").get("/api/v1/apps/{app}/packages/20000001/versions/10.2.0", app)
                .then().statusCode(200).body("version", equalTo("10.2"));
    }

    @Test
    void theSameOrALowerVersionOnAPlatformIsAConflictNamingTheHighest() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "1.0.0.10", "ANDROID");

        for (String version : List.of("1.0.0.10", "1.0.0.10.0", "1.0.0.9", "1.0.0.10-rc.1")) {
            given().contentType(ContentType.JSON).body(CatalogFixture.versionBody(version, "ANDROID"))
                    .post("/api/v1/apps/{app}/packages/20000001/versions", app)
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("current highest version 1.0.0.10"));
        }
        // Another platform has a sequence of its own.
        CatalogFixture.version(app, "20000001", "1.0.0.1", "IOS");
        given().get("/api/v1/apps/{app}/packages/20000001", app).then()
                .body("versions.version", contains("1.0.0.10", "1.0.0.1"))
                .body("versions.platform", contains("ANDROID", "IOS"));
    }

    @Test
    void concurrentRegistrationsNeverLeaveTheSequenceOutOfOrder() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                String version = "2.0." + i;
                answers.add(CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                        .body(CatalogFixture.versionBody(version, "ANDROID"))
                        .post("/api/v1/apps/{app}/packages/20000001/versions", app).statusCode(), pool));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).containsOnly(201, 409).contains(201);

            List<String> stored = given().get("/api/v1/apps/{app}/packages/20000001", app)
                    .jsonPath().getList("versions.version");
            List<Integer> patches = stored.stream().map(v -> Integer.parseInt(v.substring(4))).toList();
            assertThat(stored).hasSize((int) statuses.stream().filter(s -> s == 201).count());
            // Stored highest first: creation order must match version order, so the list is strictly descending.
            assertThat(patches).isSortedAccordingTo((a, b) -> Integer.compare(b, a)).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyBrokenRuleOfAVersionIsNamed() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        Map<String, Object> body = CatalogFixture.versionBody("1.0.x", "ANDROID");
        body.put("clientVersionMin", "13");
        body.put("clientVersionMax", "12");
        body.put("downloadUrl", "ftp://cdn.example.com/a.zip");
        body.put("sha256", "not-a-digest");

        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/apps/{app}/packages/20000001/versions", app)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("version", "clientVersionMax", "downloadUrl",
                        "sha256"));
        given().get("/api/v1/apps/{app}/packages/20000001", app).then().body("versions", org.hamcrest.Matchers.empty());
    }

    @Test
    void versionDetailNeedsAKnownPlatformAndVersion() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "1.0", "ANDROID");
        String path = "/api/v1/apps/{app}/packages/20000001/versions/{v}";
        given().get(path, app, "1.0").then().statusCode(400).body("errors[0].field", equalTo("platform"));
        given().queryParam("platform", "PHONE").get(path, app, "1.0").then().statusCode(400)
                .body("errors[0].field", equalTo("platform"));
        given().queryParam("platform", "IOS").get(path, app, "1.0").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("platform", "ANDROID").get(path, app, "1.1").then().statusCode(404);
        given().queryParam("platform", "ANDROID").get(path, app, "one").then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        given().queryParam("platform", "ANDROID").get(path, CatalogFixture.newAppKey(), "1.0").then().statusCode(404)
                .body("detail", containsString("app '"));
    }

    @Test
    void aVersionOfAnUnknownPackageIsNotFound() {
        String app = CatalogFixture.app();
        given().contentType(ContentType.JSON).body(CatalogFixture.versionBody("1.0", "IOS"))
                .post("/api/v1/apps/{app}/packages/29999999/versions", app)
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found")).body("errors", nullValue());
    }
}
