package dev.rollgate.gateway.console;

import dev.rollgate.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestProfile(ConsoleProxyIT.StandIns.class)
class ConsoleProxyIT {

    public static class StandIns implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(UpstreamStandIn.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollgate.http.upload-max-size", "24M");
        }
    }

    private static final String UPLOAD = "/api/v1/apps/shop/packages/20000001/versions";

    private static HttpResponse<String> send(String path, String type, HttpRequest.BodyPublisher body)
            throws Exception {
        String token = TestTokens.mint("carol", List.of("releaser"), List.of("shop"), Duration.ofMinutes(5));
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", type)
                    .timeout(Duration.ofSeconds(20))
                    .POST(body).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aPackageUploadStreamsThroughPastTheConsoleLimitUpToItsOwn() throws Exception {
        byte[] form = new byte[20 * 1024 * 1024];
        HttpResponse<String> passed = send(UPLOAD, "multipart/form-data; boundary=x",
                HttpRequest.BodyPublishers.ofByteArray(form));
        assertThat(passed.statusCode()).isEqualTo(201);
        assertThat(passed.body()).contains("\"bodyBytes\":" + form.length);

        HttpResponse<String> tooLarge = send(UPLOAD, "multipart/form-data; boundary=x",
                HttpRequest.BodyPublishers.ofByteArray(new byte[25 * 1024 * 1024]));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("package upload");

        HttpResponse<String> chunked = send(UPLOAD, "multipart/form-data; boundary=x",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1000])));
        assertThat(chunked.statusCode()).isEqualTo(411);

        // A client that asks first (curl does past a megabyte) is told to go on, for uploads and console bodies.
        assertThat(firstLineAfterAsking(UPLOAD, "multipart/form-data; boundary=x")).isEqualTo("HTTP/1.1 100 Continue");
        assertThat(firstLineAfterAsking("/api/v1/apps/shop/packages", "application/json"))
                .isEqualTo("HTTP/1.1 100 Continue");
    }

    /** Sends only the headers of a 2 MB request that expects 100-continue, and reads the first answer line. */
    private static String firstLineAfterAsking(String path, String type) throws Exception {
        String token = TestTokens.mint("carol", List.of("releaser"), List.of("shop"), Duration.ofMinutes(5));
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: " + type + "\r\nContent-Length: 2097152\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void aConsoleBodyMustAnnounceItsLengthAndStayUnderTheConsoleLimit() throws Exception {
        // Quarkus's own limit is the uploads' 24M here, so an unannounced body is refused before it is read.
        HttpResponse<String> chunked = send("/api/v1/apps/shop/packages", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[17 * 1024 * 1024])));
        assertThat(chunked.statusCode()).isEqualTo(411);
        HttpResponse<String> announced = send("/api/v1/apps/shop/packages", "multipart/form-data; boundary=x",
                HttpRequest.BodyPublishers.ofByteArray(new byte[17 * 1024 * 1024]));
        assertThat(announced.statusCode()).isEqualTo(413);
    }

    @Test
    void aConsoleCallReachesItsOwnerWithTokenBodyAndHeadersAndComesBackWhole() {
        String token = TestTokens.mint("carol", List.of("releaser"), List.of("shop"), Duration.ofMinutes(5));
        given().header("Authorization", "Bearer " + token).header("If-Match", "\"3\"")
                .header("X-Request-Id", "req-42").contentType("application/json").body("{\"name\":\"Checkout\"}")
                .post("/api/v1/apps/shop/packages?dryRun=false").then()
                .statusCode(201)
                .contentType("application/json")
                .header("ETag", "\"7\"")
                .header("Location", "/api/v1/apps/shop/packages/20000001")
                .header("X-Request-Id", "req-42")
                .header("X-Internal", nullValue())
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/apps/shop/packages?dryRun=false"))
                .body("ifMatch", equalTo("\"3\""))
                .body("requestId", equalTo("req-42"))
                .body("bodyBytes", equalTo(19));
        assertThat(UpstreamStandIn.lastAuthorization.get()).isEqualTo("Bearer " + token);
        given().get("/api/v1/apps").then().statusCode(201).header("X-Request-Id", notNullValue());
    }

    @Test
    void anOwnerThatIsDownOrSlowIsA503NamingIt() {
        long started = System.nanoTime();
        given().get("/api/v1/apps/shop/release-tasks").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("release-service"));
        given().get("/api/v1/apps/shop/packages/slow").then().statusCode(503)
                .body("detail", containsString("package-service"))
                .time(lessThan(2_900L));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void tokensAreCheckedBeforeAnythingIsForwarded() {
        UpstreamStandIn.lastAuthorization.set("untouched");
        given().header("Authorization", "").get("/api/v1/apps/shop/packages").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer garbage").get("/api/v1/apps/shop/packages").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.expired("carol"))
                .get("/api/v1/apps/shop/packages").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.signedByAStranger("carol"))
                .get("/api/v1/apps/shop/packages").then().statusCode(401);
        String viewer = TestTokens.mint("vic", List.of("viewer"), List.of("shop"), Duration.ofMinutes(5));
        given().header("Authorization", "Bearer " + viewer).contentType("application/json").body("{}")
                .post("/api/v1/apps/shop/packages").then().statusCode(403);
        given().header("Authorization", "Bearer " + viewer).get("/api/v1/apps/news/packages").then().statusCode(403);
        assertThat(UpstreamStandIn.lastAuthorization.get()).isEqualTo("untouched");
        given().header("Authorization", "Bearer " + viewer).get("/api/v1/apps/shop/secrets").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
