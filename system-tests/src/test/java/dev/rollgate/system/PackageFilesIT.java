package dev.rollgate.system;

import dev.rollgate.sdk.DeviceContext;
import dev.rollgate.sdk.RollgateClient;
import dev.rollgate.sdk.SdkEvent;
import dev.rollgate.testing.ZipFiles;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Package files end to end, through the gateway and the real S3 server: versions uploaded as zips, a device
 * (the SDK, given the app's public key) that installs the first in full, the next from a diff whose result
 * equals the full package file for file, falls back to the full package when the stored diff is corrupted,
 * and a device with the wrong key that installs nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackageFilesIT {

    private static final String PKG = "20000001";
    private static final Duration CONVERGE = Duration.ofSeconds(30);

    @TempDir
    static Path storage;

    private static Console console;
    private static String app;
    private static String publicKey;
    private static final AtomicLong clock = new AtomicLong(1_000_000);
    private static final List<SdkEvent> events = new CopyOnWriteArrayList<>();
    private static RollgateClient device;
    private static final Map<String, byte[]> uploaded = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        SystemStack stack = SystemStack.get();
        console = new Console(stack.gatewayA.url(), "files");
        app = console.appWithPackage("f", PKG);
        publicKey = console.get("/api/v1/apps/" + app + "/signing-key").statusCode(200).extract().path("publicKey");
        device = device(publicKey, storage.resolve("device"), events);
        device.open();
    }

    @AfterAll
    static void stop() {
        device.close();
    }

    private static RollgateClient device(String key, Path folder, List<SdkEvent> sink) {
        return RollgateClient.builder(SystemStack.get().gatewayA.url(), app,
                        DeviceContext.builder("ANDROID", "10.2.0").userId("u1").build(), folder)
                .signingKey(key)
                .listener(sink::add)
                .clock(clock::get, new Random(7))
                .build();
    }

    /** A site whose large library stays the same from version to version; the page and the app script change. */
    private static Map<String, byte[]> site(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", ("<!doctype html><title>Checkout " + version + "</title>").getBytes());
        files.put("js/app.js", ("function checkout() { return 'v" + version + "'; }\n").repeat(500).getBytes());
        byte[] library = new byte[1 << 20];
        new Random(42).nextBytes(library);
        files.put("js/library.bin", library);
        return files;
    }

    private static JsonPath upload(String version) {
        byte[] zip = ZipFiles.of(site(version));
        uploaded.put(version, zip);
        return JsonPath.from(console.upload(app, PKG, version, zip));
    }

    private static void releaseAndFinish(String version) {
        String task = console.createTask(app, "{\"packageId\":\"" + PKG + "\",\"version\":\"" + version
                + "\",\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}");
        console.command(app, task, "finish");
    }

    private static void syncUntil(RollgateClient client, Predicate<RollgateClient> expected) {
        long until = System.nanoTime() + CONVERGE.toNanos();
        while (!expected.test(client)) {
            assertThat(System.nanoTime()).as("the device did not converge").isLessThan(until);
            clock.addAndGet(Duration.ofMinutes(6).toMillis());
            client.sync();
            ChaosApp.pause(50);
        }
    }

    private static String inUse(RollgateClient client) {
        var installed = client.installed().get(PKG);
        return installed == null ? null : installed.current();
    }

    private static boolean installedFromDiff(String version) {
        return events.stream().anyMatch(e -> e.type() == SdkEvent.Type.INSTALLED && version.equals(e.version())
                && e.detail() != null && e.detail().contains("diff"));
    }

    /** The files of a version on the device, against the files of its uploaded zip. */
    private static void assertSameFiles(String version) throws IOException {
        Path content = storage.resolve("device/packages/" + PKG + "/" + version + "/content");
        Map<String, byte[]> onDevice = new HashMap<>();
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                onDevice.put(content.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        Map<String, byte[]> inZip = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(uploaded.get(version)))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                inZip.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(onDevice).usingRecursiveComparison().isEqualTo(inZip);
    }

    @Test
    @Order(1)
    void anUploadedVersionIsStoredSignedAndInstalledInFull() throws IOException {
        JsonPath created = upload("1.0.0");
        assertThat(created.getString("downloadUrl")).contains("/rollgate-packages-system/apps/" + app + "/");
        assertThat(created.getString("signature")).isNotBlank();
        releaseAndFinish("1.0.0");

        syncUntil(device, d -> "1.0.0".equals(inUse(d)));

        assertThat(installedFromDiff("1.0.0")).isFalse();
        assertSameFiles("1.0.0");
    }

    @Test
    @Order(2)
    void theNextVersionArrivesAsADiffThatRebuildsItFileForFile() throws IOException {
        JsonPath created = upload("1.1.0");
        assertThat(created.getList("diffs.fromVersion")).containsExactly("1.0.0");
        assertThat(created.getLong("diffs[0].sizeBytes")).isLessThan(uploaded.get("1.1.0").length / 10);
        releaseAndFinish("1.1.0");

        syncUntil(device, d -> "1.1.0".equals(inUse(d)));

        assertThat(installedFromDiff("1.1.0")).as("events: %s", events).isTrue();
        assertSameFiles("1.1.0");
    }

    @Test
    @Order(3)
    void aCorruptedDiffMakesTheDeviceFetchTheFullPackage() throws Exception {
        JsonPath created = upload("1.2.0");
        // Whoever serves the files (a CDN, a cache) now hands out garbage for the diff.
        overwrite(created.getString("diffs[0].downloadUrl"), "not a diff".getBytes());
        releaseAndFinish("1.2.0");

        syncUntil(device, d -> "1.2.0".equals(inUse(d)));

        assertThat(events).anyMatch(e -> e.type() == SdkEvent.Type.DIFF_FAILED && "1.2.0".equals(e.version()));
        assertThat(installedFromDiff("1.2.0")).isFalse();
        assertSameFiles("1.2.0");
    }

    @Test
    @Order(4)
    void aDeviceWithAnotherKeyInstallsNothing() throws Exception {
        List<SdkEvent> strangerEvents = new CopyOnWriteArrayList<>();
        byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        String otherKey = Base64.getEncoder().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
        try (RollgateClient stranger = device(otherKey, storage.resolve("stranger"), strangerEvents)) {
            stranger.open();
            stranger.sync();
            assertThat(inUse(stranger)).isNull();
            assertThat(strangerEvents).anyMatch(e -> e.type() == SdkEvent.Type.INSTALL_FAILED
                    && e.detail().startsWith("SIGNATURE"));
        }
    }

    /** The local S3 server takes anonymous writes: here, the tampering the signature and hashes guard against. */
    private static void overwrite(String url, byte[] bytes) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }
}
