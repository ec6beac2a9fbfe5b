package dev.rollgate.sdk.install;

import dev.rollgate.sdk.PackageDiff;
import dev.rollgate.sdk.PackageOffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiffApplierTest {

    @TempDir
    Path dir;

    private final DiffApplier applier = new DiffApplier(100, 10_000_000);
    private final Map<String, byte[]> oldFiles = new LinkedHashMap<>();
    private final Map<String, byte[]> newFiles = new LinkedHashMap<>();
    private Path installed;

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void twoVersions() throws Exception {
        byte[] image = new byte[50_000];
        new Random(7).nextBytes(image);
        byte[] changedImage = image.clone();
        changedImage[100] ^= 1;
        changedImage[40_000] ^= 1;

        oldFiles.put("index.html", text("<html><body>version 1.0.0</body></html>"));
        oldFiles.put("js/app.js", text("start();"));
        oldFiles.put("img/big.bin", image);
        oldFiles.put("img/gone.png", text("removed in 1.0.1"));

        newFiles.put("index.html", text("<html><body>version 1.0.1, now longer</body></html>"));
        newFiles.put("js/app.js", text("start();"));
        newFiles.put("img/big.bin", changedImage);
        newFiles.put("img/new.png", text("added in 1.0.1"));
        newFiles.put("empty.txt", new byte[0]);

        installed = dir.resolve("installed");
        DiffPackages.write(installed, oldFiles);
    }

    private PackageOffer offer(String contentSha256) {
        return PackageOffer.builder("20000001", "1.0.1").contentSha256(contentSha256)
                .diff(new PackageDiff("1.0.0", "http://cdn/diff.zip", "unused here", 1)).build();
    }

    private Path diffFile(DiffPackages.DiffPackage diff) throws Exception {
        return Files.write(dir.resolve("diff.zip"), diff.zip());
    }

    private DiffPackages.DiffPackage diff() throws Exception {
        return DiffPackages.diff("20000001", "1.0.0", oldFiles, "1.0.1", newFiles);
    }

    private void apply(DiffPackages.DiffPackage diff) throws Exception {
        applier.apply(offer(DiffPackages.contentSha256(newFiles)), diffFile(diff), installed, dir.resolve("new"));
    }

    private void assertRefused(DiffPackages.DiffPackage diff, String reason) {
        assertThatThrownBy(() -> apply(diff)).isInstanceOf(InstallException.class)
                .extracting("reason").isEqualTo(reason);
    }

    @Test
    void theAppliedTreeIsTheNewVersionByteForByte() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        assertThat(diff.entries).containsOnlyKeys("patch/index.html", "patch/img/big.bin", "add/img/new.png",
                "add/empty.txt");

        apply(diff);

        Map<String, byte[]> built = DiffPackages.read(dir.resolve("new"));
        assertThat(built).containsOnlyKeys(newFiles.keySet().toArray(new String[0]));
        newFiles.forEach((path, bytes) -> assertThat(built.get(path)).as(path).isEqualTo(bytes));
        assertThat(ContentDigest.ofFolder(dir.resolve("new"))).isEqualTo(DiffPackages.contentSha256(newFiles));
        assertThat(installed.resolve("img/gone.png")).as("the version in use is left as it was").exists();
    }

    @Test
    void aCorruptedPatchIsRefused() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        byte[] patch = diff.entries.get("patch/img/big.bin");
        for (int i = 40; i < patch.length; i += 7) {
            patch[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> apply(diff)).isInstanceOf(InstallException.class)
                .extracting("reason").isIn("PATCH_FAILED", "HASH_MISMATCH");
    }

    @Test
    void aPatchThatWouldMakeAnotherSizeIsRefusedBeforeItRuns() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        diff.file("index.html").addProperty("size", 1_000);
        assertRefused(diff, "PATCH_FAILED");
    }

    @Test
    void somethingThatIsNoPatchIsRefused() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        diff.entries.put("patch/index.html", text("not a bsdiff patch at all, just some text of some length"));
        assertRefused(diff, "PATCH_FAILED");
    }

    @Test
    void aFileWithAnotherSha256IsRefused() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        diff.file("js/app.js").addProperty("sha256", DiffPackages.sha256(text("something else")));
        assertRefused(diff, "HASH_MISMATCH");
    }

    @Test
    void anAddedFileWithAnotherSha256IsRefused() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        diff.entries.put("add/img/new.png", text("added in 1.0.X"));
        assertRefused(diff, "HASH_MISMATCH");
    }

    @Test
    void aDiffMadeForOtherContentThanTheOfferedIsRefused() throws Exception {
        Path diff = diffFile(diff());
        String other = DiffPackages.contentSha256(oldFiles);
        PackageOffer offer = PackageOffer.builder("20000001", "1.0.1").contentSha256(other)
                .diff(new PackageDiff("1.0.0", "http://cdn/diff.zip", "x", 1)).build();
        assertThatThrownBy(() -> applier.apply(offer, diff, installed, dir.resolve("new")))
                .isInstanceOf(InstallException.class).extracting("reason").isEqualTo("DIFF_INVALID");
    }

    @Test
    void aTreeWithAnotherContentDigestThanTheOfferedIsRefused() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        diff.manifest.remove("toContentSha256");
        Path file = diffFile(diff);
        PackageOffer offer = offer(DiffPackages.contentSha256(oldFiles));
        assertThatThrownBy(() -> applier.apply(offer, file, installed, dir.resolve("new")))
                .isInstanceOf(InstallException.class).extracting("reason").isEqualTo("CONTENT_MISMATCH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escaped.txt", "a/../../escaped.txt", "/etc/escaped", "C:/escaped", "a\\..\\escaped",
            "a//b.txt", "./a.txt"})
    void anUnsafePathIsRefusedAndNothingIsWrittenOutside(String path) throws Exception {
        newFiles.put(path, text("outside"));
        assertRefused(diff(), "UNSAFE_ZIP");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void anEntryTheManifestDoesNotListIsRefused() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        diff.entries.put("add/../../escaped.txt", text("outside"));
        assertRefused(diff, "DIFF_INVALID");
        assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void aDiffFromAnotherVersionIsRefused() throws Exception {
        DiffPackages.DiffPackage diff = DiffPackages.diff("20000001", "0.9.0", oldFiles, "1.0.1", newFiles);
        assertRefused(diff, "DIFF_INVALID");
    }

    @Test
    void aMissingPatchIsRefused() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        diff.entries.remove("patch/index.html");
        assertRefused(diff, "DIFF_INVALID");
    }

    @Test
    void moreBytesThanAllowedAreRefusedFromTheManifest() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        Path file = diffFile(diff);
        DiffApplier small = new DiffApplier(100, 1_000);
        assertThatThrownBy(() -> small.apply(offer(DiffPackages.contentSha256(newFiles)), file, installed,
                dir.resolve("new"))).isInstanceOf(InstallException.class).extracting("reason")
                .isEqualTo("ZIP_TOO_LARGE");
    }

    @Test
    void anAddedFileLargerThanListedIsCutOff() throws Exception {
        DiffPackages.DiffPackage diff = diff();
        diff.entries.put("add/img/new.png", new byte[1_000_000]);
        assertRefused(diff, "SIZE_MISMATCH");
    }

    @Test
    void aDiffWhoseFirstEntryIsNotTheManifestIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("diff.zip"), DiffPackages.zip(Map.of("add/x", text("x"))));
        assertThatThrownBy(() -> applier.apply(offer(DiffPackages.contentSha256(newFiles)), file, installed,
                dir.resolve("new"))).isInstanceOf(InstallException.class).extracting("reason")
                .isEqualTo("DIFF_INVALID");
    }
}
