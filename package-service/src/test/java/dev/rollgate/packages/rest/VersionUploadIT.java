package dev.rollgate.packages.rest;

import dev.rollgate.packages.domain.PackageSignature;
import dev.rollgate.packages.domain.SigningKey;
import dev.rollgate.packages.domain.Sha256;
import dev.rollgate.packages.domain.TestZips;
import dev.rollgate.contracts.release.Platform;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Uploads against the real S3 server the test command runs (S3_ENDPOINT), and the real PostgreSQL. */
@QuarkusTest
class VersionUploadIT {

    private static final String PKG = "20000001";
    private static S3Client s3;
    private static String bucket;

    @Inject
    Pool db;

    @BeforeAll
    static void s3() {
        var config = ConfigProvider.getConfig();
        bucket = config.getValue("rollgate.files.bucket", String.class);
        s3 = S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(config.getValue("rollgate.files.endpoint", URI.class))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static RequestSpecification form(String version, byte[] zip) {
        return given().multiPart("version", version).multiPart("platform", "ANDROID")
                .multiPart("clientVersionMin", "10.0").multiPart("mainUrl", "/index.html")
                .multiPart("file", "package.zip", zip, "application/zip");
    }

    private static Response upload(String app, String version, byte[] zip) {
        return form(version, zip).post("/api/v1/apps/{app}/packages/{pkg}/versions", app, PKG);
    }

    private static List<String> objects(String app) {
        return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("apps/" + app + "/")).contents().stream()
                .map(S3Object::key).toList();
    }

    private static byte[] download(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return response.body();
        }
    }

    private String app() {
        String app = CatalogFixture.app();
        CatalogFixture.pkg(app, PKG, "Checkout");
        return app;
    }

    @Test
    void anUploadIsHashedStoredSignedAndDownloadableAtItsUrl() throws Exception {
        String app = app();
        byte[] zip = TestZips.zip(TestZips.site("1.0.0", 50_000, 1));

        Response created = upload(app, "1.0.0", zip);

        created.then().statusCode(201).body("state", equalTo("TO_BE_RELEASED"))
                .body("sha256", equalTo(Sha256.of(zip))).body("sizeBytes", equalTo(zip.length));
        String url = created.path("downloadUrl");
        assertThat(download(url)).isEqualTo(zip);
        assertThat(objects(app)).hasSize(1).allMatch(key -> url.endsWith(key));

        String publicKey = given().get("/api/v1/apps/{app}/signing-key", app).then().statusCode(200)
                .body("algorithm", equalTo("Ed25519")).extract().path("publicKey");
        byte[] message = PackageSignature.message(PKG, "1.0.0", Platform.ANDROID, zip.length, Sha256.of(zip),
                created.path("contentSha256"), "/index.html", null);
        assertThat(PackageSignature.verify(new SigningKey(publicKey, null).publicKeyObject(), message,
                created.path("signature"))).isTrue();
    }

    @Test
    void refusedZipsLeaveNoObjectAndNoVersion() {
        String app = app();
        Map<String, byte[]> cases = Map.of(
                "slip", TestZips.zip(Map.of("index.html", new byte[] {1}, "../../evil.sh", new byte[] {1})),
                "bomb", TestZips.bomb(50 * 1024 * 1024),
                "no main", TestZips.zip(Map.of("other.html", new byte[] {1})),
                "not a zip", "hello".getBytes());
        cases.forEach((name, zip) -> upload(app, "1.0.0", zip).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("file")));

        assertThat(objects(app)).isEmpty();
        given().get("/api/v1/apps/{app}/packages/{pkg}", app, PKG).then().statusCode(200)
                .body("versions.size()", equalTo(0));
    }

    @Test
    void badFieldsAndALowerVersionAreRefusedBeforeAnythingIsStored() {
        String app = app();
        byte[] zip = TestZips.zip(TestZips.site("1.0.0", 1000, 1));
        upload(app, "2.0.0", zip).then().statusCode(201);

        upload(app, "1.0.0", zip).then().statusCode(409);
        given().multiPart("version", "x").multiPart("platform", "WINDOWS").multiPart("file", "p.zip", zip)
                .post("/api/v1/apps/{app}/packages/{pkg}/versions", app, PKG)
                .then().statusCode(400).body("errors.field", hasItem("platform"))
                .body("errors.field", hasItem("clientVersionMin"));
        given().multiPart("version", "3.0.0").multiPart("platform", "ANDROID").multiPart("clientVersionMin", "10")
                .post("/api/v1/apps/{app}/packages/{pkg}/versions", app, PKG)
                .then().statusCode(400).body("errors.field", hasItem("file"));

        assertThat(objects(app)).hasSize(1);
    }

    @Test
    void ofTwoUploadsOfOneVersionAtOnceTheLoserLeavesNothingAndTheWinnersFileStays() throws Exception {
        String app = app();
        byte[] one = TestZips.zip(TestZips.site("1.0.0", 400_000, 1));
        byte[] other = TestZips.zip(TestZips.site("1.0.0", 400_000, 2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> first = pool.submit(() -> upload(app, "1.0.0", one));
            Future<Response> second = pool.submit(() -> upload(app, "1.0.0", other));
            List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
            Response winner = first.get().statusCode() == 201 ? first.get() : second.get();
            assertThat(download(winner.path("downloadUrl")))
                    .isEqualTo(first.get().statusCode() == 201 ? one : other);
        } finally {
            pool.shutdownNow();
        }
        assertThat(objects(app)).hasSize(1);
    }

    @Test
    void aFileOverTheLimitGets413() {
        String app = app();
        long limit = ConfigProvider.getConfig().getValue("rollgate.files.max-size",
                io.quarkus.runtime.configuration.MemorySize.class).asLongValue();
        byte[] big = new byte[(int) limit + 1];
        form("1.0.0", big).post("/api/v1/apps/{app}/packages/{pkg}/versions", app, PKG)
                .then().statusCode(413).contentType("application/problem+json");
        assertThat(objects(app)).isEmpty();
    }

    @Test
    void aNewVersionGetsDiffsFromTheLastReleasedUploadsOnly() throws Exception {
        String app = app();
        upload(app, "1.0.0", TestZips.zip(TestZips.site("1.0.0", 300_000, 3))).then().statusCode(201);
        upload(app, "1.1.0", TestZips.zip(TestZips.site("1.1.0", 300_000, 3))).then().statusCode(201);
        released(app, "1.0.0");
        byte[] v2 = TestZips.zip(TestZips.site("2.0.0", 300_000, 3));

        Response created = upload(app, "2.0.0", v2);

        created.then().statusCode(201).body("diffs.size()", equalTo(1))
                .body("diffs[0].fromVersion", equalTo("1.0.0"));
        int diffSize = created.path("diffs[0].sizeBytes");
        assertThat(diffSize).isLessThan(v2.length / 10);
        byte[] diff = download(created.path("diffs[0].downloadUrl"));
        assertThat(diff).hasSize(diffSize);
        assertThat(Sha256.of(diff)).isEqualTo(created.path("diffs[0].sha256"));
        given().queryParam("platform", "ANDROID").get("/api/v1/apps/{app}/packages/{pkg}/versions/2.0.0", app, PKG)
                .then().statusCode(200).body("diffs[0].fromVersion", equalTo("1.0.0"));
        assertThat(objects(app)).hasSize(4);
    }

    @Test
    void anAppKeepsItsOwnKeyOnlyWhenSetBeforeItsFirstVersion() {
        String app = app();
        SigningKey own = SigningKey.generate();
        given().contentType(ContentType.JSON).body(Map.of("privateKey", own.privateKey(), "publicKey", own.publicKey()))
                .put("/api/v1/apps/{app}/signing-key", app).then().statusCode(200)
                .body("publicKey", equalTo(own.publicKey()));
        byte[] zip = TestZips.zip(TestZips.site("1.0.0", 1000, 1));
        Response created = upload(app, "1.0.0", zip);
        byte[] message = PackageSignature.message(PKG, "1.0.0", Platform.ANDROID, zip.length, Sha256.of(zip),
                created.path("contentSha256"), "/index.html", null);
        assertThat(PackageSignature.verify(own.publicKeyObject(), message, created.path("signature"))).isTrue();

        SigningKey other = SigningKey.generate();
        given().contentType(ContentType.JSON).body(Map.of("privateKey", other.privateKey(), "publicKey", other.publicKey()))
                .put("/api/v1/apps/{app}/signing-key", app).then().statusCode(409);
    }

    /** What release events do to a version's state, done directly: this test is about files, not events. */
    private void released(String app, String version) {
        db.preparedQuery("update package_version set state = 'FINISHED_RELEASE' where version = $1 and package_ref = "
                        + "(select id from package where app_key = $2 and package_id = $3)")
                .execute(Tuple.of(version, app, PKG)).await().indefinitely();
    }

}
