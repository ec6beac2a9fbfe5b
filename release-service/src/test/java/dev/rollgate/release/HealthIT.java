package dev.rollgate.release;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class HealthIT {

    @Test
    void theServiceReportsItselfLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }
}
