package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageZipTest {

    private static final ZipLimits LIMITS = new ZipLimits(100, 1_000_000);

    @TempDir
    Path dir;

    @Test
    void aGoodZipListsItsFilesSortedWithTheirHashesAndTheContentDigest() {
        Path zip = TestZips.write(dir, "p.zip", TestZips.zip(Map.of(
                "index.html", "hello".getBytes(StandardCharsets.UTF_8),
                "a/b.txt", "b".getBytes(StandardCharsets.UTF_8))));

        PackageContents contents = PackageZip.inspect(zip, LIMITS);

        assertThat(contents.files()).extracting(PackageFile::path).containsExactly("a/b.txt", "index.html");
        assertThat(contents.files().get(1).sha256()).isEqualTo(Sha256.of("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(contents.files().get(1).size()).isEqualTo(5);
        String lines = "a/b.txt\t" + Sha256.of("b".getBytes(StandardCharsets.UTF_8)) + "\n"
                + "index.html\t" + Sha256.of("hello".getBytes(StandardCharsets.UTF_8)) + "\n";
        assertThat(contents.contentSha256()).isEqualTo(Sha256.of(lines.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDigestIgnoresHowTheZipWasMade() {
        Map<String, byte[]> files = TestZips.site("1.0.0", 1000, 1);
        Path one = TestZips.write(dir, "one.zip", TestZips.zip(files));
        Path other = TestZips.write(dir, "other.zip", TestZips.zip(new java.util.TreeMap<>(files).descendingMap()));

        assertThat(PackageZip.inspect(one, LIMITS).contentSha256())
                .isEqualTo(PackageZip.inspect(other, LIMITS).contentSha256());
    }

    @Test
    void entriesThatLeaveThePackageAreRefused() {
        for (String name : new String[] {"../evil.sh", "a/../../evil.sh", "/etc/passwd", "C:/x", "a\\b", "a//b", "./a"}) {
            Path zip = TestZips.write(dir, "slip.zip", TestZips.zip(Map.of(name, new byte[] {1})));
            assertThatThrownBy(() -> PackageZip.inspect(zip, LIMITS)).as(name)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().getFirst().field()).isEqualTo("file"));
        }
    }

    @Test
    void aZipBombStopsAtTheLimit() {
        Path zip = TestZips.write(dir, "bomb.zip", TestZips.bomb(5_000_000));
        assertThat(zip.toFile().length()).isLessThan(50_000);
        assertThatThrownBy(() -> PackageZip.inspect(zip, LIMITS)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unpacks to more bytes than allowed");
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, byte[]> files = new java.util.HashMap<>();
        for (int i = 0; i < 101; i++) {
            files.put("f" + i, new byte[] {1});
        }
        Path zip = TestZips.write(dir, "many.zip", TestZips.zip(files));
        assertThatThrownBy(() -> PackageZip.inspect(zip, LIMITS)).hasMessageContaining("more than 100 entries");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        Path file = TestZips.write(dir, "x.zip", "just text".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PackageZip.inspect(file, LIMITS)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("file");
    }

    @Test
    void aTruncatedZipIsRefusedNotAServerError() {
        byte[] whole = TestZips.zip(TestZips.site("1.0.0", 50_000, 3));
        Path cut = TestZips.write(dir, "cut.zip", java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> PackageZip.inspect(cut, LIMITS)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().field()).isEqualTo("file"));
    }

    @Test
    void anEntryNameThatIsNoUtf8IsRefused() {
        byte[] zip = TestZips.zip(Map.of("index.html", new byte[] {1}));
        // The local header's name bytes turned into an invalid UTF-8 sequence, as a hostile tool might write.
        byte[] name = "index.html".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + name.length < zip.length; i++) {
            if (java.util.Arrays.equals(java.util.Arrays.copyOfRange(zip, i, i + name.length), name)) {
                zip[i] = (byte) 0xC3;
                zip[i + 1] = (byte) 0x28;
            }
        }
        Path broken = TestZips.write(dir, "name.zip", zip);
        assertThatThrownBy(() -> PackageZip.inspect(broken, LIMITS)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theMainPathMustBeInTheZip() {
        PackageContents contents = PackageContents.of(java.util.List.of(new PackageFile("index.html", "a", 1)));
        PackageZip.requireMain(contents, "/index.html?from=app#top");
        PackageZip.requireMain(contents, "https://m.example.com/page");
        PackageZip.requireMain(contents, null);
        assertThatThrownBy(() -> PackageZip.requireMain(contents, "/main.html"))
                .hasMessageContaining("holds no main.html");
    }
}
