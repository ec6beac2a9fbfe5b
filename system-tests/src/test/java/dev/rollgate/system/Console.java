package dev.rollgate.system;

import dev.rollgate.testing.PackageUploadForm;
import dev.rollgate.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The console API through a gateway, as an operator's tool speaks it, with a token of a given subject. */
final class Console {

    private final String baseUri;
    private final String token;

    Console(String baseUri, String subject) {
        this.baseUri = baseUri;
        this.token = TestTokens.mint(subject, List.of("admin"), List.of("*"), Duration.ofHours(1));
    }

    RequestSpecification request() {
        return given().baseUri(baseUri).header("Authorization", "Bearer " + token);
    }

    ValidatableResponse post(String path, String json) {
        return request().contentType(ContentType.JSON).body(json).post(path).then();
    }

    ValidatableResponse get(String path) {
        return request().get(path).then();
    }

    String createTask(String app, String json) {
        return post("/api/v1/apps/" + app + "/release-tasks", json).statusCode(201).extract().path("taskId");
    }

    void command(String app, String taskId, String command) {
        post("/api/v1/apps/" + app + "/release-tasks/" + taskId + "/" + command, "").statusCode(200);
    }

    /** A new app of its own, its key starting with {@code prefix}, holding one package; the app key. */
    String appWithPackage(String prefix, String packageId) {
        String app = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        post("/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"" + prefix + "\"}").statusCode(201);
        post("/api/v1/apps/" + app + "/packages", "{\"packageId\":\"" + packageId + "\",\"name\":\"Checkout\","
                + "\"type\":\"NORMAL\"}").statusCode(201);
        return app;
    }

    /** A version whose file {@code files} serves; the hash registered is {@code hashOf}'s (a wrong one, if asked). */
    /**
     * Uploads a version with its zip, as a browser's form does (one request, its length announced), and
     * answers the created version's JSON.
     */
    String upload(String app, String packageId, String version, byte[] zip) {
        PackageUploadForm form = new PackageUploadForm(version, zip);
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(baseUri + "/api/v1/apps/" + app + "/packages/" + packageId + "/versions"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", form.contentType())
                    .POST(form.body()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new AssertionError("upload of " + version + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void version(String app, String packageId, String version, PackageFiles files, byte[] zip, byte[] hashOf) {
        String url = files.put(packageId + "-" + version + ".zip", zip);
        post("/api/v1/apps/" + app + "/packages/" + packageId + "/versions", """
                {"version":"%s","platform":"ANDROID","clientVersionMin":"10.0","downloadUrl":"%s","sha256":"%s",
                 "sizeBytes":%d,"mainUrl":"/index.html","fallbackBaseUrl":"https://m.example.com/checkout/"}"""
                .formatted(version, url, PackageFiles.sha256(hashOf), zip.length)).statusCode(201);
    }

    void version(String app, String packageId, String version) {
        post("/api/v1/apps/" + app + "/packages/" + packageId + "/versions", """
                {"version":"%s","platform":"ANDROID","clientVersionMin":"10.0",
                 "downloadUrl":"https://cdn.example.com/%s/%s.zip",
                 "sha256":"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752","sizeBytes":1000,
                 "mainUrl":"/index.html","fallbackBaseUrl":"https://m.example.com/%s/"}"""
                .formatted(version, packageId, version, packageId)).statusCode(201);
    }
}
