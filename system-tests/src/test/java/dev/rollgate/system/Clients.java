package dev.rollgate.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.restassured.RestAssured.given;

/** Mobile clients asking a gateway which versions to run. */
final class Clients {

    private final String baseUri;

    Clients(String baseUri) {
        this.baseUri = baseUri;
    }

    /** The version of one package this client gets, or null when it gets none. */
    String version(String app, String packageId, String userId, String city) {
        var request = given().baseUri(baseUri).queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2")
                .queryParam("packageIds", packageId);
        if (userId != null) {
            request = request.queryParam("userId", userId);
        }
        if (city != null) {
            request = request.queryParam("city", city);
        }
        List<Map<String, Object>> packages = request.get("/client/v1/apps/{app}/packages", app).then()
                .statusCode(200).extract().path("packages");
        return packages.isEmpty() ? null : (String) packages.get(0).get("version");
    }

    void await(Duration deadline, String app, String packageId, String userId, String city, String expected) {
        org.awaitility.Awaitility.await().atMost(deadline).pollInterval(Duration.ofMillis(20))
                .until(() -> Objects.equals(expected, version(app, packageId, userId, city)));
    }
}
