package dev.rollgate.sdk.install;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeUnzipTest {

    @TempDir
    Path dir;

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path zip = dir.resolve("package.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPackageUnpacksWithItsFolders() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("index.html", text("<html></html>"));
        entries.put("assets/app.js", text("go()"));
        new SafeUnzip(10, 1_000).unpack(zip(entries), dir.resolve("out"));
        assertThat(dir.resolve("out/assets/app.js")).hasContent("go()");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escaped.txt", "a/../../escaped.txt", "/etc/escaped", "C:/escaped", "a\\..\\escaped"})
    void anEntryThatWouldLeaveTheFolderIsRefused(String name) throws Exception {
        Path zip = zip(Map.of(name, text("outside")));
        assertThatThrownBy(() -> new SafeUnzip(10, 1_000).unpack(zip, dir.resolve("out")))
                .isInstanceOf(InstallException.class).extracting("reason").isEqualTo("UNSAFE_ZIP");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void moreBytesThanAllowedAreRefusedWhileWritingWhateverTheHeadersSay() throws Exception {
        Path zip = zip(Map.of("zeros.bin", new byte[2_000_000]));
        assertThat(Files.size(zip)).isLessThan(10_000);
        assertThatThrownBy(() -> new SafeUnzip(10, 1_000_000).unpack(zip, dir.resolve("out")))
                .isInstanceOf(InstallException.class).extracting("reason").isEqualTo("ZIP_TOO_LARGE");
    }

    @Test
    void moreEntriesThanAllowedAreRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("f" + i, text("x"));
        }
        Path zip = zip(entries);
        assertThatThrownBy(() -> new SafeUnzip(10, 1_000).unpack(zip, dir.resolve("out")))
                .isInstanceOf(InstallException.class).extracting("reason").isEqualTo("ZIP_TOO_LARGE");
    }

    @Test
    void somethingThatIsNoZipIsRefused() throws Exception {
        Path notZip = Files.writeString(dir.resolve("package.zip"), "<html>not a zip</html>");
        assertThatThrownBy(() -> new SafeUnzip(10, 1_000).unpack(notZip, dir.resolve("out")))
                .isInstanceOf(InstallException.class).extracting("reason").isEqualTo("NOT_A_ZIP");
    }
}
