package dev.rollgate.system;

import dev.rollgate.sdk.DeviceContext;
import dev.rollgate.sdk.Entry;
import dev.rollgate.sdk.RollgateClient;
import dev.rollgate.sdk.SdkEvent;
import dev.rollgate.testing.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client SDK as an app runs it, against the real gateway and stack, with package files served by a real
 * HTTP server: first install, an unchanged answer, a grayscale release, a cancel that goes back to the kept
 * version, a corrupted file, a download cut and resumed, a zip that escapes its folder, a zip bomb, the
 * gateway away, and a crash between unpacking and switching.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientSdkIT {

    private static final String PKG = "20000001";
    private static final Duration CONVERGE = Duration.ofSeconds(30);

    @TempDir
    static Path storage;

    private static SystemStack stack;
    private static Console console;
    private static PackageFiles files;
    private static String app;
    private static final AtomicLong clock = new AtomicLong(1_000_000);
    private static final List<SdkEvent> events = new CopyOnWriteArrayList<>();
    private static RollgateClient device;
    private static String grayscaleTask;

    @BeforeAll
    static void start() throws IOException {
        stack = SystemStack.get();
        console = new Console(stack.gatewayA.url(), "sdk");
        files = new PackageFiles();
        app = console.appWithPackage("s", PKG);
        device = client(stack.gatewayA.url());
        device.open();
    }

    @AfterAll
    static void stop() {
        device.close();
        files.close();
    }

    private static RollgateClient client(String gateway) {
        return RollgateClient.builder(gateway, app, DeviceContext.builder("ANDROID", "10.2.0").userId("u1")
                        .deviceId("d1").city("Hangzhou").build(), storage)
                .listener(events::add)
                .unpackLimits(1_000, 1 << 20)
                .clock(clock::get, new Random(7))
                .build();
    }

    /** A version whose file is {@code zip}, served under its own name; the registered hash is {@code hashOf}'s. */
    private static void version(String version, byte[] zip, byte[] hashOf) {
        console.version(app, PKG, version, files, zip, hashOf);
    }

    private static String official(String version) {
        return console.createTask(app, "{\"packageId\":\"" + PKG + "\",\"version\":\"" + version
                + "\",\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}");
    }

    /** Syncs, with the clock moved past any wait, until the device holds what the test expects. */
    private static void syncUntil(Predicate<RollgateClient> expected) {
        long until = System.nanoTime() + CONVERGE.toNanos();
        while (!expected.test(device)) {
            assertThat(System.nanoTime()).as("the device did not converge").isLessThan(until);
            clock.addAndGet(Duration.ofMinutes(6).toMillis());
            device.sync();
            ChaosApp.pause(50);
        }
    }

    private static String inUse(RollgateClient client) {
        var installed = client.installed().get(PKG);
        return installed == null ? null : installed.current();
    }

    private static boolean failed(String version, String reason) {
        return events.stream().anyMatch(e -> e.type() == SdkEvent.Type.INSTALL_FAILED && version.equals(e.version())
                && e.detail().startsWith(reason));
    }

    private static String page(Entry entry) throws IOException {
        return Files.readString(Path.of(URI.create(entry.url())));
    }

    @Test
    @Order(1)
    void beforeAnythingIsReleasedThePackageIsOnlyOnline() {
        device.sync();
        assertThat(device.entry(PKG)).isNull();
        assertThat(events).extracting(SdkEvent::type).contains(SdkEvent.Type.ANSWERED);
    }

    @Test
    @Order(2)
    void theFirstReleaseIsDownloadedVerifiedAndInstalled() throws IOException {
        version("1.0.0", Zips.page("one", 2_000), Zips.page("one", 2_000));
        console.command(app, official("1.0.0"), "finish");

        syncUntil(client -> "1.0.0".equals(inUse(client)));

        Entry entry = device.entry(PKG);
        assertThat(entry.offline()).isTrue();
        assertThat(page(entry)).contains("<title>one</title>");
        assertThat(events).extracting(SdkEvent::type)
                .containsSubsequence(SdkEvent.Type.DOWNLOADED, SdkEvent.Type.VERIFIED, SdkEvent.Type.INSTALLED);
    }

    @Test
    @Order(3)
    void anUnchangedAnswerIsA304() {
        // The finish gave the segment a new revision after the install: the device takes that answer first.
        clock.addAndGet(Duration.ofMinutes(2).toMillis());
        device.sync();
        events.clear();
        clock.addAndGet(Duration.ofMinutes(2).toMillis());
        assertThat(device.sync()).isTrue();
        assertThat(events).extracting(SdkEvent::type).containsExactly(SdkEvent.Type.NOT_MODIFIED);
        assertThat(device.sync()).as("not before the time the answer named").isFalse();
    }

    @Test
    @Order(4)
    void aGrayscaleReleaseIsInstalledAndACancelGoesBackToTheKeptVersion() throws IOException {
        version("1.1.0", Zips.page("two", 2_000), Zips.page("two", 2_000));
        String whitelist = console.post("/api/v1/apps/" + app + "/whitelists", "{\"name\":\"beta\",\"idType\":\"USER_ID\"}")
                .statusCode(201).extract().path("whitelistId");
        console.post("/api/v1/apps/" + app + "/whitelists/" + whitelist + "/members", "{\"ids\":[\"u1\"]}")
                .statusCode(200);
        grayscaleTask = console.createTask(app, "{\"packageId\":\"" + PKG + "\",\"version\":\"1.1.0\",\"platform\":"
                + "\"ANDROID\",\"releaseType\":\"GRAYSCALE\",\"grayscale\":{\"mode\":\"WHITELIST\",\"whitelistIds\":[\""
                + whitelist + "\"]},\"rules\":[{\"type\":\"CITY\",\"operator\":\"IN\",\"values\":[\"Hangzhou\"]}]}");
        syncUntil(client -> "1.1.0".equals(inUse(client)));
        assertThat(page(device.entry(PKG))).contains("<title>two</title>");
        assertThat(device.installed().get(PKG).previous()).isEqualTo("1.0.0");

        events.clear();
        console.command(app, grayscaleTask, "cancel");
        syncUntil(client -> "1.0.0".equals(inUse(client)));
        assertThat(events).extracting(SdkEvent::type).contains(SdkEvent.Type.ROLLED_BACK)
                .doesNotContain(SdkEvent.Type.DOWNLOADED);
        assertThat(page(device.entry(PKG))).contains("<title>one</title>");
    }

    @Test
    @Order(5)
    void aCorruptedFileIsRefusedAndTheVersionInUseStays() {
        version("1.2.0", Zips.page("tampered", 2_000), Zips.page("three", 2_000));
        String task = official("1.2.0");
        syncUntil(client -> failed("1.2.0", "HASH_MISMATCH"));
        assertThat(inUse(device)).isEqualTo("1.0.0");
        console.command(app, task, "cancel");
    }

    @Test
    @Order(6)
    void aDownloadCutMidwayIsResumedWithARange() throws IOException {
        byte[] zip = Zips.page("four", 300_000);
        version("1.3.0", zip, zip);
        files.cutNextDownload(PKG + "-1.3.0.zip", 100_000);
        String task = official("1.3.0");
        syncUntil(client -> "1.3.0".equals(inUse(client)));
        assertThat(failed("1.3.0", "DOWNLOAD_FAILED")).as("the first attempt was cut").isTrue();
        assertThat(files.ranges).anyMatch(range -> range.startsWith("/" + PKG + "-1.3.0.zip bytes="));
        assertThat(page(device.entry(PKG))).contains("<title>four</title>");
        console.command(app, task, "finish");
    }

    @Test
    @Order(7)
    void aZipThatEscapesItsFolderIsRefused() {
        byte[] zip = Zips.slipping();
        version("1.4.0", zip, zip);
        String task = official("1.4.0");
        syncUntil(client -> failed("1.4.0", "UNSAFE_ZIP"));
        assertThat(inUse(device)).isEqualTo("1.3.0");
        assertThat(storage.resolve("packages").resolve(PKG).resolve("escaped.txt")).doesNotExist();
        assertThat(storage.getParent().resolve("escaped.txt")).doesNotExist();
        console.command(app, task, "cancel");
    }

    @Test
    @Order(8)
    void aZipBombIsRefused() {
        byte[] zip = Zips.bomb(5 << 20);
        assertThat(zip.length).isLessThan(100_000);
        version("1.5.0", zip, zip);
        String task = official("1.5.0");
        syncUntil(client -> failed("1.5.0", "ZIP_TOO_LARGE"));
        assertThat(inUse(device)).isEqualTo("1.3.0");
        console.command(app, task, "cancel");
    }

    @Test
    @Order(9)
    void withTheGatewayAwayTheLastAnswerIsUsedAlsoAfterARestart() throws IOException {
        syncUntil(client -> client.answer() != null && client.answer().packages().get(PKG) != null
                && "1.3.0".equals(client.answer().packages().get(PKG).version()));
        device.close();
        device = client("http://127.0.0.1:" + FreePorts.next());
        device.open();
        events.clear();
        clock.addAndGet(Duration.ofMinutes(6).toMillis());
        device.sync();

        assertThat(events).extracting(SdkEvent::type).contains(SdkEvent.Type.ASK_FAILED)
                .doesNotContain(SdkEvent.Type.FELL_BACK_ONLINE, SdkEvent.Type.ROLLED_BACK);
        assertThat(device.answer().packages().get(PKG).version()).isEqualTo("1.3.0");
        assertThat(page(device.entry(PKG))).contains("<title>four</title>");
        assertThat(device.millisUntilNextAsk()).as("it backs off").isPositive();
    }

    @Test
    @Order(10)
    void aCrashBetweenUnpackingAndSwitchingLeavesTheOldVersionAndIsCleanedUp() throws IOException {
        device.close();
        // What an install interrupted after unpacking leaves: a staging folder, and a version folder no state names.
        Path staging = Files.createDirectories(storage.resolve("staging").resolve(PKG + "-9.9.9-1/content"));
        Files.writeString(staging.resolve("index.html"), "half");
        Path unnamed = Files.createDirectories(storage.resolve("packages").resolve(PKG).resolve("9.9.9/content"));
        Files.writeString(unnamed.resolve("index.html"), "half");

        device = client(stack.gatewayA.url());
        device.open();

        assertThat(storage.resolve("staging").resolve(PKG + "-9.9.9-1")).doesNotExist();
        assertThat(storage.resolve("packages").resolve(PKG).resolve("9.9.9")).doesNotExist();
        assertThat(inUse(device)).isEqualTo("1.3.0");
        assertThat(page(device.entry(PKG))).contains("<title>four</title>");
    }
}
