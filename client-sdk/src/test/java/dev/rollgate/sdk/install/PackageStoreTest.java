package dev.rollgate.sdk.install;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageStoreTest {

    @TempDir
    Path dir;

    private final SafeUnzip unzip = new SafeUnzip(100, 10_000_000);

    private Path zip(String name, int size) throws IOException {
        Path zip = dir.resolve(name + ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(0);
            out.putNextEntry(new ZipEntry("index.html"));
            out.write(new byte[size]);
            out.closeEntry();
        }
        return zip;
    }

    private PackageStore opened() throws IOException {
        PackageStore store = new PackageStore(dir.resolve("store"));
        store.recover();
        return store;
    }

    @Test
    void aNewVersionKeepsTheOneBeforeAndOnlyThat() throws Exception {
        PackageStore store = opened();
        store.install("p", "1.0", "/index.html", zip("a", 10), unzip);
        store.install("p", "1.1", "/index.html", zip("b", 10), unzip);
        store.install("p", "1.2", "/index.html", zip("c", 10), unzip);

        assertThat(store.installed("p").current()).isEqualTo("1.2");
        assertThat(store.installed("p").previous()).isEqualTo("1.1");
        assertThat(dir.resolve("store/packages/p/1.0")).doesNotExist();
        assertThat(store.switchToKept("p", "1.1")).isTrue();
        assertThat(store.installed("p").current()).isEqualTo("1.1");
        assertThat(store.installed("p").previous()).isEqualTo("1.2");
    }

    @Test
    void theStateSurvivesARestartAndLeftoversGo() throws Exception {
        PackageStore store = opened();
        store.install("p", "1.0", "/index.html", zip("a", 10), unzip);
        Files.createDirectories(dir.resolve("store/staging/p-2.0-7/content"));
        Files.createDirectories(dir.resolve("store/packages/p/2.0/content"));

        PackageStore restarted = opened();

        assertThat(restarted.installed("p").current()).isEqualTo("1.0");
        assertThat(restarted.folderInUse("p").resolve("index.html")).exists();
        assertThat(dir.resolve("store/staging/p-2.0-7")).doesNotExist();
        assertThat(dir.resolve("store/packages/p/2.0")).doesNotExist();
    }

    @Test
    void contentWrittenByTheCallerIsInstalledAsAPackageIs() throws Exception {
        PackageStore store = opened();
        store.install("p", "1.0", "/index.html", zip("a", 10), unzip);

        store.installUnpacked("p", "1.1", "/index.html",
                content -> DiffPackages.write(content, Map.of("index.html", "built".getBytes())));

        assertThat(store.installed("p").current()).isEqualTo("1.1");
        assertThat(store.installed("p").previous()).isEqualTo("1.0");
        assertThat(store.folderInUse("p").resolve("index.html")).hasContent("built");
        assertThat(store.mainUrlInUse("p")).isEqualTo("/index.html");
        assertThat(dir.resolve("store/staging")).isEmptyDirectory();
    }

    @Test
    void contentThatFailsHalfWrittenLeavesTheVersionInUseAndNoTrace() throws Exception {
        PackageStore store = opened();
        store.install("p", "1.0", "/index.html", zip("a", 10), unzip);

        assertThatThrownBy(() -> store.installUnpacked("p", "1.1", "/index.html", content -> {
            DiffPackages.write(content, Map.of("half.html", "half".getBytes()));
            throw new InstallException("PATCH_FAILED", "the patch does not apply");
        })).isInstanceOf(InstallException.class).extracting("reason").isEqualTo("PATCH_FAILED");

        assertThat(store.installed("p").current()).isEqualTo("1.0");
        assertThat(store.folderInUse("p").resolve("index.html")).exists();
        assertThat(dir.resolve("store/packages/p/1.1")).doesNotExist();
        assertThat(dir.resolve("store/staging")).isEmptyDirectory();
        assertThat(opened().installed("p").current()).as("after a restart too").isEqualTo("1.0");
    }

    @Test
    void pastTheCapKeptVersionsGoFirstThenPackagesNoAnswerNames() throws Exception {
        PackageStore store = opened();
        store.install("named", "1.0", null, zip("a", 100_000), unzip);
        store.install("named", "1.1", null, zip("b", 100_000), unzip);
        store.install("unnamed", "1.0", null, zip("c", 100_000), unzip);

        assertThat(store.evict(250_000, Set.of("named"))).containsExactly("named 1.0");
        assertThat(store.installed("named").previous()).isNull();

        assertThat(store.evict(150_000, Set.of("named"))).containsExactly("unnamed 1.0");
        assertThat(store.installed("unnamed").current()).isNull();
        assertThat(store.installed("named").current()).isEqualTo("1.1");

        assertThat(store.evict(1, Set.of("named"))).as("the version in use of a named package stays").isEmpty();
        assertThat(store.folderInUse("named")).exists();
    }
}
