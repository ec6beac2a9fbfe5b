package dev.rollgate.release.rest;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Apps, versions, whitelists and tasks for the tests, each test under an app key of its own. */
final class ReleaseFixture {

    static final String TASKS = "/api/v1/apps/{app}/release-tasks";
    static final String WHITELISTS = "/api/v1/apps/{app}/whitelists";

    private ReleaseFixture() {
    }

    static String app() {
        String appKey = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        PackageServiceStandIn.app(appKey);
        return appKey;
    }

    static String whitelist(String app, String name, List<String> members) {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", name, "idType", "USER_ID"))
                .post(WHITELISTS, app).then().statusCode(201).extract().path("whitelistId");
        if (!members.isEmpty()) {
            given().contentType(ContentType.JSON).body(Map.of("ids", members))
                    .post(WHITELISTS + "/{id}/members", app, id).then().statusCode(200);
        }
        return id;
    }

    static Map<String, Object> grayscaleByWhitelist(String packageId, String version, String whitelistId) {
        Map<String, Object> body = new HashMap<>();
        body.put("packageId", packageId);
        body.put("version", version);
        body.put("platform", "ANDROID");
        body.put("releaseType", "GRAYSCALE");
        body.put("grayscale", Map.of("mode", "WHITELIST", "whitelistIds", List.of(whitelistId)));
        body.put("rules", List.of(Map.of("type", "CITY", "operator", "IN", "values", List.of("Hangzhou", "Shanghai"))));
        body.put("description", "try the new checkout page");
        return body;
    }

    static Map<String, Object> official(String packageId, String version) {
        return Map.of("packageId", packageId, "version", version, "platform", "ANDROID", "releaseType", "OFFICIAL");
    }

    static ValidatableResponse create(String app, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.admin("alice")).body(body)
                .post(TASKS, app).then();
    }

    /** An official task on a fresh TO_BE_RELEASED version; its id. */
    static String officialTask(String app, String packageId, String version) {
        PackageServiceStandIn.version(app, packageId, version, Platform.ANDROID, VersionState.TO_BE_RELEASED);
        return create(app, official(packageId, version)).statusCode(201).extract().path("taskId");
    }

    static ValidatableResponse command(String app, String taskId, String command) {
        return given().header("Authorization", "Bearer " + TestTokens.admin("bob")).post(TASKS + "/{id}/{command}", app, taskId, command).then();
    }
}
