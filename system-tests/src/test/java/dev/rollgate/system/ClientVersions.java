package dev.rollgate.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** What the client API answers an Android client of version 10.2: package id to version. */
final class ClientVersions {

    private ClientVersions() {
    }

    /** @param userId null for a client that sends none */
    static Map<String, String> of(String gatewayUrl, String app, String userId) {
        var request = given().baseUri(gatewayUrl).queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2");
        if (userId != null) {
            request = request.queryParam("userId", userId);
        }
        List<Map<String, Object>> packages = request.get("/client/v1/apps/{app}/packages", app).then().statusCode(200)
                .extract().path("packages");
        Map<String, String> versions = new HashMap<>();
        packages.forEach(p -> versions.put((String) p.get("packageId"), (String) p.get("version")));
        return versions;
    }
}
