package dev.rollgate.packages.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AppResourceIT {

    @Test
    void aRegisteredAppIsListed() {
        String appKey = CatalogFixture.newAppKey();
        given().contentType(ContentType.JSON).body(Map.of("appKey", appKey, "name", "Shop"))
                .post("/api/v1/apps")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/apps/" + appKey))
                .body("appKey", equalTo(appKey)).body("name", equalTo("Shop")).body("createdAt", notNullValue());

        given().get("/api/v1/apps").then().statusCode(200).body("appKey", hasItem(appKey));
    }

    @Test
    void registeringAnAppKeyTwiceIsAConflict() {
        String appKey = CatalogFixture.app();
        given().contentType(ContentType.JSON).body(Map.of("appKey", appKey, "name", "Again"))
                .post("/api/v1/apps")
                .then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("detail", equalTo("app '" + appKey + "' already exists"));
    }

    @Test
    void anAppKeyOutsideItsPatternIsRefusedWithTheField() {
        given().contentType(ContentType.JSON).body(Map.of("appKey", "Shop_1", "name", "Shop"))
                .post("/api/v1/apps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("appKey"));
    }
}
