package dev.rollgate.sdk;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;
import dev.rollgate.sdk.install.DiffPackages;
import dev.rollgate.sdk.install.Ed25519Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK as an app runs it, against a gateway and a CDN in memory: diffs, their fallback, signatures. */
class RollgateClientTest {

    private static final String GATEWAY = "http://gw";
    private static final String PKG = "20000001";

    /** Answers the client API with {@link #answer} and serves {@link #files}; keeps every URL asked for. */
    private static final class Cdn implements HttpTransport {
        volatile JsonObject answer;
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public HttpResponse get(String url, Map<String, String> headers) throws IOException {
            asked.add(url);
            if (url.startsWith(GATEWAY + "/client/v1/")) {
                return ok(answer.toString().getBytes(StandardCharsets.UTF_8));
            }
            byte[] file = files.get(url);
            if (file == null) {
                return new HttpResponse(404, Collections.emptyMap(), new ByteArrayInputStream(new byte[0]));
            }
            return ok(file);
        }

        private static HttpResponse ok(byte[] body) {
            return new HttpResponse(200, Map.of("content-length", String.valueOf(body.length)),
                    new ByteArrayInputStream(body));
        }

        List<String> downloads() {
            return asked.stream().filter(url -> !url.startsWith(GATEWAY)).collect(Collectors.toList());
        }

        List<String> asks() {
            return asked.stream().filter(url -> url.startsWith(GATEWAY)).collect(Collectors.toList());
        }
    }

    @TempDir
    Path dir;

    private final Cdn cdn = new Cdn();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<SdkEvent> events = new CopyOnWriteArrayList<>();
    private final Ed25519Signer key = new Ed25519Signer();
    private final Map<String, byte[]> v100 = new TreeMap<>();
    private final Map<String, byte[]> v101 = new TreeMap<>();
    private RollgateClient client;

    @BeforeEach
    void twoVersions() {
        byte[] script = new byte[20_000];
        new Random(3).nextBytes(script);
        v100.put("index.html", "<html>1.0.0</html>".getBytes(StandardCharsets.UTF_8));
        v100.put("js/app.js", script);
        v100.put("img/old.png", "old".getBytes(StandardCharsets.UTF_8));
        byte[] changed = script.clone();
        changed[10_000] ^= 1;
        v101.put("index.html", "<html>1.0.1</html>".getBytes(StandardCharsets.UTF_8));
        v101.put("js/app.js", changed);
        v101.put("img/new.png", "new".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private RollgateClient client(String signingKey) throws IOException {
        DeviceContext device = DeviceContext.builder("ANDROID", "10.2.0").userId("u1").build();
        client = RollgateClient.builder(GATEWAY, "shop", device, dir.resolve("device"))
                .http(cdn).reports(false).clock(clock::get, new Random(1)).signingKey(signingKey)
                .listener(events::add).build();
        client.open();
        return client;
    }

    /** An offer of the version's full package, which the CDN then serves. */
    private PackageOffer.Builder offer(String version, Map<String, byte[]> files) throws IOException {
        byte[] zip = DiffPackages.zip(files);
        String url = "https://cdn/" + PKG + "/" + version + "/package.zip";
        cdn.files.put(url, zip);
        return PackageOffer.builder(PKG, version).releaseType("OFFICIAL").downloadUrl(url)
                .sha256(DiffPackages.sha256(zip)).sizeBytes(zip.length).mainUrl("/index.html")
                .contentSha256(DiffPackages.contentSha256(files));
    }

    private PackageDiff diff(String from, byte[] zip) {
        String url = "https://cdn/" + PKG + "/1.0.1/diff-from-" + from + ".zip";
        cdn.files.put(url, zip);
        return new PackageDiff(from, url, DiffPackages.sha256(zip), zip.length);
    }

    private PackageOffer signed(PackageOffer.Builder offer, Ed25519Signer signer) {
        return offer.signature(signer.sign(offer.build(), "ANDROID")).build();
    }

    private void answer(PackageOffer offer) {
        JsonObject pkg = AnswerFile.json(offer);
        JsonArray packages = new JsonArray();
        packages.add(pkg);
        JsonObject answer = new JsonObject();
        answer.addProperty("revision", cdn.answer == null ? 1 : cdn.answer.get("revision").getAsLong() + 1);
        answer.addProperty("nextCheckAfterSeconds", 60);
        answer.add("packages", packages);
        cdn.answer = answer;
    }

    /** The next sync asks the gateway: a minute has passed. */
    private void syncLater() {
        clock.addAndGet(61_000);
        assertThat(client.sync()).isTrue();
    }

    private void installFirstVersion(String signingKey) throws Exception {
        client(signingKey);
        answer(signed(offer("1.0.0", v100), key));
        syncLater();
        assertThat(client.installed().get(PKG).current()).isEqualTo("1.0.0");
        events.clear();
        cdn.asked.clear();
    }

    private List<SdkEvent.Type> types() {
        return events.stream().map(SdkEvent::type).filter(type -> type != SdkEvent.Type.PROGRESS)
                .collect(Collectors.toList());
    }

    private Map<String, byte[]> contentInUse() throws IOException {
        return DiffPackages.read(Path.of(java.net.URI.create(client.entry(PKG).url())).getParent());
    }

    @Test
    void aDiffFromTheVersionInUseInstallsTheNewVersionWithoutTheFullPackage() throws Exception {
        installFirstVersion(null);
        PackageOffer.Builder offer = offer("1.0.1", v101)
                .diff(diff("1.0.0", DiffPackages.diff(PKG, "1.0.0", v100, "1.0.1", v101).zip()));
        answer(offer.build());

        syncLater();

        assertThat(cdn.asks()).singleElement().asString().endsWith("&installed=20000001:1.0.0");
        assertThat(cdn.downloads()).containsExactly(offer.build().diff().downloadUrl());
        assertThat(types()).containsExactly(SdkEvent.Type.ANSWERED, SdkEvent.Type.DOWNLOADED,
                SdkEvent.Type.VERIFIED, SdkEvent.Type.INSTALLED);
        assertThat(events.get(events.size() - 1).detail()).contains("diff from 1.0.0");
        assertThat(client.installed().get(PKG).current()).isEqualTo("1.0.1");
        assertThat(client.installed().get(PKG).previous()).isEqualTo("1.0.0");
        assertThat(contentInUse()).containsOnlyKeys(v101.keySet().toArray(new String[0]));
        v101.forEach((path, bytes) -> assertThat(uncheckedRead(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void aCorruptedDiffFallsBackToTheFullPackage() throws Exception {
        installFirstVersion(null);
        DiffPackages.DiffPackage corrupted = DiffPackages.diff(PKG, "1.0.0", v100, "1.0.1", v101);
        byte[] patch = corrupted.entries.get("patch/js/app.js");
        for (int i = 40; i < patch.length; i += 5) {
            patch[i] ^= 0x33;
        }
        // The diff file is the one the answer names (its own hash checks out): what it builds does not.
        PackageOffer offer = offer("1.0.1", v101).diff(diff("1.0.0", corrupted.zip())).build();
        answer(offer);

        syncLater();

        assertThat(types()).containsExactly(SdkEvent.Type.ANSWERED, SdkEvent.Type.DIFF_FAILED,
                SdkEvent.Type.DOWNLOADED, SdkEvent.Type.VERIFIED, SdkEvent.Type.INSTALLED);
        SdkEvent failed = events.stream().filter(e -> e.type() == SdkEvent.Type.DIFF_FAILED).findFirst().get();
        assertThat(failed.detail()).matches("(PATCH_FAILED|HASH_MISMATCH): .*");
        assertThat(failed.version()).isEqualTo("1.0.1");
        assertThat(cdn.downloads()).containsExactly(offer.diff().downloadUrl(), offer.downloadUrl());
        assertThat(client.installed().get(PKG).current()).isEqualTo("1.0.1");
        v101.forEach((path, bytes) -> assertThat(uncheckedRead(path)).as(path).isEqualTo(bytes));
        assertThat(dir.resolve("device/downloads")).isEmptyDirectory();
        assertThat(dir.resolve("device/staging")).isEmptyDirectory();
    }

    @Test
    void aDiffThatCannotBeDownloadedFallsBackToTheFullPackage() throws Exception {
        installFirstVersion(null);
        PackageOffer offer = offer("1.0.1", v101)
                .diff(new PackageDiff("1.0.0", "https://cdn/missing.zip", DiffPackages.sha256(new byte[1]), 1))
                .build();
        answer(offer);

        syncLater();

        assertThat(events).filteredOn(e -> e.type() == SdkEvent.Type.DIFF_FAILED).singleElement()
                .extracting(SdkEvent::detail).asString().startsWith("DOWNLOAD_FAILED");
        assertThat(client.installed().get(PKG).current()).isEqualTo("1.0.1");
    }

    @Test
    void aDiffFromAnotherVersionIsNotTried() throws Exception {
        installFirstVersion(null);
        PackageOffer offer = offer("1.0.1", v101)
                .diff(diff("0.9.0", DiffPackages.diff(PKG, "0.9.0", v100, "1.0.1", v101).zip())).build();
        answer(offer);

        syncLater();

        assertThat(cdn.downloads()).containsExactly(offer.downloadUrl());
        assertThat(types()).doesNotContain(SdkEvent.Type.DIFF_FAILED).contains(SdkEvent.Type.INSTALLED);
    }

    @Test
    void withTheSigningKeyAWronglySignedVersionInstallsNothing() throws Exception {
        installFirstVersion(key.publicKeyBase64());
        PackageOffer.Builder offer = offer("1.0.1", v101)
                .diff(diff("1.0.0", DiffPackages.diff(PKG, "1.0.0", v100, "1.0.1", v101).zip()));
        answer(signed(offer, new Ed25519Signer()));

        syncLater();

        assertThat(types()).containsExactly(SdkEvent.Type.ANSWERED, SdkEvent.Type.INSTALL_FAILED);
        assertThat(events.get(1).detail()).startsWith("SIGNATURE: ");
        assertThat(cdn.downloads()).as("nothing is downloaded").isEmpty();
        assertThat(client.installed().get(PKG).current()).isEqualTo("1.0.0");
        v100.forEach((path, bytes) -> assertThat(uncheckedRead(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void withTheSigningKeyAnUnsignedVersionInstallsNothing() throws Exception {
        client(key.publicKeyBase64());
        answer(offer("1.0.0", v100).build());

        syncLater();

        assertThat(types()).containsExactly(SdkEvent.Type.ANSWERED, SdkEvent.Type.INSTALL_FAILED);
        assertThat(events.get(1).detail()).startsWith("SIGNATURE: ");
        assertThat(cdn.downloads()).isEmpty();
        assertThat(client.installed()).doesNotContainKey(PKG);
    }

    @Test
    void withTheSigningKeyASignedDiffInstalls() throws Exception {
        installFirstVersion(key.publicKeyBase64());
        PackageOffer.Builder offer = offer("1.0.1", v101)
                .diff(diff("1.0.0", DiffPackages.diff(PKG, "1.0.0", v100, "1.0.1", v101).zip()));
        answer(signed(offer, key));

        syncLater();

        assertThat(types()).containsExactly(SdkEvent.Type.ANSWERED, SdkEvent.Type.DOWNLOADED,
                SdkEvent.Type.VERIFIED, SdkEvent.Type.INSTALLED);
        assertThat(client.installed().get(PKG).current()).isEqualTo("1.0.1");
    }

    @Test
    void theLastAnswerKeptOnTheDeviceKeepsSignatureAndDiff() throws Exception {
        installFirstVersion(key.publicKeyBase64());
        PackageOffer.Builder offer = offer("1.0.1", v101)
                .diff(diff("1.0.0", DiffPackages.diff(PKG, "1.0.0", v100, "1.0.1", v101).zip()));
        PackageOffer sent = signed(offer, key);
        answer(sent);
        syncLater();
        client.close();

        RollgateClient restarted = client(key.publicKeyBase64());

        PackageOffer kept = restarted.answer().packages().get(PKG);
        assertThat(kept.signature()).isNotNull().isEqualTo(sent.signature());
        assertThat(kept.contentSha256()).isEqualTo(DiffPackages.contentSha256(v101));
        assertThat(kept.diff().fromVersion()).isEqualTo("1.0.0");
        assertThat(kept.diff().downloadUrl()).isEqualTo(sent.diff().downloadUrl());
        assertThat(kept.diff().sha256()).isEqualTo(sent.diff().sha256());
        assertThat(kept.diff().sizeBytes()).isEqualTo(sent.diff().sizeBytes());
    }

    private byte[] uncheckedRead(String path) {
        try {
            return contentInUse().get(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
