package dev.rollgate.release.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(PackageServiceStandIn.class)
class HealthIT {

    @Test
    void theServiceIsReadyWithItsDatabaseAndBroker() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        await().untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("Outbox relay to Kafka", "Reactive PostgreSQL connections health check")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("rollgate_outbox"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/apps/{appKey}/release-tasks"));
    }
}
