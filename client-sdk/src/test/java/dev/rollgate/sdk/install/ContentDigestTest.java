package dev.rollgate.sdk.install;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDigestTest {

    /*
     * By hand, with coreutils:
     *   printf 'Z.txt\t%s\ncss/site.css\t%s\nindex.html\t%s\n' \
     *     $(printf zz | sha256sum | cut -c1-64) $(printf 'body{}' | sha256sum | cut -c1-64) \
     *     $(printf '<html></html>' | sha256sum | cut -c1-64) | sha256sum
     */
    private static final String EXPECTED = "23bcaa16fcd504a00d2a76852c0911eeaac44cc3e762159c097615c1318c2c3d";

    @TempDir
    Path dir;

    @Test
    void theDigestIsTheHashOfOneSortedLinePerFile() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("index.html", "b633a587c652d02386c4f16f8c6f6aab7352d97f16367c3c40576214372dd628");
        files.put("css/site.css", "7c98040a541657584690ae2a1cc3b42a8b53b159cc60c5d3abbfecbaeac6c94a");
        files.put("Z.txt", "4A60BF7D4BC1E485744CF7E8D0860524752FCA1CE42331BE7C439FD23043F151");

        assertThat(ContentDigest.of(files)).isEqualTo(EXPECTED);
    }

    @Test
    void aFolderHasTheDigestOfItsFilesWhateverItsEmptyFolders() throws Exception {
        Files.createDirectories(dir.resolve("css"));
        Files.createDirectories(dir.resolve("empty/too"));
        Files.writeString(dir.resolve("index.html"), "<html></html>");
        Files.writeString(dir.resolve("css/site.css"), "body{}");
        Files.writeString(dir.resolve("Z.txt"), "zz");

        assertThat(ContentDigest.ofFolder(dir)).isEqualTo(EXPECTED);
    }

    @Test
    void noFilesIsTheHashOfNothing() {
        assertThat(ContentDigest.of(Map.of()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
