package dev.rollgate.packages.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PackageResourceIT {

    @Test
    void aRegisteredPackageHasNoVersionAndNoStatusYet() {
        String app = CatalogFixture.app();
        given().contentType(ContentType.JSON)
                .body(Map.of("packageId", "20000001", "name", "Checkout", "type", "GLOBAL", "vhost", "m.shop.example.com",
                        "description", "the checkout pages"))
                .post("/api/v1/apps/{app}/packages", app)
                .then().statusCode(201)
                .header("Location", equalTo("http://localhost:" + io.restassured.RestAssured.port
                        + "/api/v1/apps/" + app + "/packages/20000001"))
                .body("packageId", equalTo("20000001")).body("type", equalTo("GLOBAL"))
                .body("highestVersion", nullValue()).body("status", nullValue());

        given().get("/api/v1/apps/{app}/packages/20000001", app).then().statusCode(200)
                .body("name", equalTo("Checkout")).body("vhost", equalTo("m.shop.example.com"))
                .body("versions", empty()).body("platforms", empty());
    }

    @Test
    void thePackageIdIsUniquePerAppOnly() {
        String app = CatalogFixture.app();
        String other = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.pkg(other, "20000001", "Checkout elsewhere");
        given().contentType(ContentType.JSON).body(Map.of("packageId", "20000001", "name", "Again", "type", "NORMAL"))
                .post("/api/v1/apps/{app}/packages", app)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aPackageInAnUnknownAppIsNotFound() {
        given().contentType(ContentType.JSON).body(Map.of("packageId", "20000001", "name", "X", "type", "NORMAL"))
                .post("/api/v1/apps/{app}/packages", CatalogFixture.newAppKey())
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/apps/{app}/packages", CatalogFixture.newAppKey()).then().statusCode(404);
        given().get("/api/v1/apps/{app}/packages/20000009", CatalogFixture.app()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theListShowsEachPackagesHighestVersionAndItsState() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, "20000002", "Profile");
        CatalogFixture.pkg(app, "20000001", "Checkout");
        CatalogFixture.version(app, "20000001", "1.0.0.1", "ANDROID");
        CatalogFixture.version(app, "20000001", "1.0.0.10", "IOS");
        CatalogFixture.version(app, "20000001", "1.0.0.2", "ANDROID");

        given().get("/api/v1/apps/{app}/packages", app).then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.packageId", contains("20000001", "20000002"))
                .body("items[0].highestVersion", equalTo("1.0.0.10"))
                .body("items[0].status", equalTo("TO_BE_RELEASED"))
                .body("items[0].platforms.platform", contains("ANDROID", "IOS"))
                .body("items[0].platforms[0].highestVersion", equalTo("1.0.0.2"))
                .body("items[0].versions", nullValue())
                .body("items[1].highestVersion", nullValue());

        given().queryParam("platform", "ANDROID").get("/api/v1/apps/{app}/packages", app).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].highestVersion", equalTo("1.0.0.2"));
    }

    @Test
    void theListFiltersByStatusSearchesByIdOrNameAndPages() {
        String app = CatalogFixture.app();
        for (int i = 1; i <= 5; i++) {
            CatalogFixture.pkg(app, "3000000" + i, i % 2 == 0 ? "Even page " + i : "Odd page " + i);
        }
        CatalogFixture.version(app, "30000001", "1.0", "ANDROID");

        given().queryParam("status", "TO_BE_RELEASED").get("/api/v1/apps/{app}/packages", app).then()
                .body("total", equalTo(1)).body("items.packageId", contains("30000001"));
        given().queryParam("status", "FINISHED_RELEASE").get("/api/v1/apps/{app}/packages", app).then()
                .body("total", equalTo(0)).body("items", empty());
        given().queryParam("q", "EVEN").get("/api/v1/apps/{app}/packages", app).then()
                .body("total", equalTo(2)).body("items.packageId", contains("30000002", "30000004"));
        given().queryParam("q", "00003").get("/api/v1/apps/{app}/packages", app).then()
                .body("items.packageId", contains("30000003"));
        given().queryParam("q", "%").get("/api/v1/apps/{app}/packages", app).then().body("total", equalTo(0));
        given().queryParam("page", 1).queryParam("size", 2).get("/api/v1/apps/{app}/packages", app).then()
                .body("total", equalTo(5)).body("items", hasSize(2))
                .body("items.packageId", contains("30000003", "30000004"));
    }

    @Test
    void badListParametersAreRefusedNamingThem() {
        String app = CatalogFixture.app();
        given().queryParam("status", "SHIPPED").get("/api/v1/apps/{app}/packages", app).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().queryParam("platform", "WINDOWS").get("/api/v1/apps/{app}/packages", app).then().statusCode(400)
                .body("errors[0].field", equalTo("platform"));
        given().queryParam("page", "-1").get("/api/v1/apps/{app}/packages", app).then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().queryParam("size", "1000").get("/api/v1/apps/{app}/packages", app).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("size", "ten").get("/api/v1/apps/{app}/packages", app).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
