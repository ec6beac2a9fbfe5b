package dev.rollgate.packages.rest;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Creates catalog data through the API, each test under an app key of its own. */
public final class CatalogFixture {

    private static final AtomicInteger PACKAGE_IDS = new AtomicInteger(10_000_000);

    private CatalogFixture() {
    }

    public static String newAppKey() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static String app() {
        String appKey = newAppKey();
        given().contentType(ContentType.JSON).body(Map.of("appKey", appKey, "name", "Test app " + appKey))
                .post("/api/v1/apps").then().statusCode(201);
        return appKey;
    }

    public static String nextPackageId() {
        return String.valueOf(PACKAGE_IDS.incrementAndGet());
    }

    public static String pkg(String appKey, String packageId, String name) {
        given().contentType(ContentType.JSON)
                .body(Map.of("packageId", packageId, "name", name, "type", "NORMAL"))
                .post("/api/v1/apps/{app}/packages", appKey).then().statusCode(201);
        return packageId;
    }

    public static Map<String, Object> versionBody(String version, String platform) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("platform", platform);
        body.put("clientVersionMin", "10.0");
        body.put("downloadUrl", "https://cdn.example.com/" + version + ".zip");
        body.put("sha256", "ab".repeat(32));
        body.put("sizeBytes", 183211);
        body.put("mainUrl", "/index.html");
        return body;
    }

    public static void version(String appKey, String packageId, String version, String platform) {
        given().contentType(ContentType.JSON).body(versionBody(version, platform))
                .post("/api/v1/apps/{app}/packages/{pkg}/versions", appKey, packageId).then().statusCode(201);
    }
}
