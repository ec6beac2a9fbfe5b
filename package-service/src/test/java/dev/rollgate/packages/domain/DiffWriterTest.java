package dev.rollgate.packages.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollgate.contracts.json.ContractsJson;
import io.sigpipe.jbsdiff.Patch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DiffWriterTest {

    private static final ZipLimits LIMITS = new ZipLimits(1000, 100_000_000);

    @TempDir
    Path dir;

    @Test
    void aDiffRebuildsTheNewFilesByteForByteAndIsSmallForOneChangedFile() throws Exception {
        Map<String, byte[]> v1 = TestZips.site("1.0.0", 2_000_000, 7);
        v1.put("gone.txt", "removed in 1.0.1".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> v2 = TestZips.site("1.0.1", 2_000_000, 7);
        v2.put("new.txt", "added in 1.0.1".getBytes(StandardCharsets.UTF_8));
        byte[] v2zip = TestZips.zip(v2);

        byte[] diff = diff(v1, v2zip);

        assertThat(apply(v1, diff)).usingRecursiveComparison().isEqualTo(v2);
        assertThat(diff.length).isLessThan(v2zip.length / 10);
    }

    @Test
    void theManifestComesFirstAndSaysWhereEachFileComesFrom() throws Exception {
        Map<String, byte[]> v1 = TestZips.site("1.0.0", 10_000, 7);
        Map<String, byte[]> v2 = TestZips.site("1.0.1", 10_000, 7);
        v2.put("new.txt", "x".getBytes(StandardCharsets.UTF_8));

        byte[] diff = diff(v1, TestZips.zip(v2));

        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(diff))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).isEqualTo(DiffManifest.NAME);
            JsonNode manifest = ContractsJson.mapper().readTree(zip.readAllBytes());
            assertThat(manifest.get("fromVersion").asText()).isEqualTo("1.0.0");
            Map<String, String> sources = new HashMap<>();
            manifest.get("files").forEach(f -> sources.put(f.get("path").asText(), f.get("source").asText()));
            assertThat(sources).containsEntry("img/photo.bin", "SAME").containsEntry("new.txt", "ADD")
                    .containsEntry("index.html", "ADD").containsEntry("js/app.js", "PATCH");
        }
    }

    private byte[] diff(Map<String, byte[]> from, byte[] toZip) throws Exception {
        Path old = TestZips.write(dir, "old.zip", TestZips.zip(from));
        Path now = TestZips.write(dir, "new.zip", toZip);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DiffWriter.write("20000001", new DiffWriter.Side(old, PackageZip.inspect(old, LIMITS), "1.0.0"),
                new DiffWriter.Side(now, PackageZip.inspect(now, LIMITS), "1.0.1"), LIMITS, out);
        return out.toByteArray();
    }

    /** The device's side, reduced to what the format says. */
    private static Map<String, byte[]> apply(Map<String, byte[]> installed, byte[] diff) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(diff))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (JsonNode file : ContractsJson.mapper().readTree(entries.get(DiffManifest.NAME)).get("files")) {
            String path = file.get("path").asText();
            byte[] bytes = switch (file.get("source").asText()) {
                case "SAME" -> installed.get(path);
                case "ADD" -> entries.get("add/" + path);
                case "PATCH" -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Patch.patch(installed.get(path), entries.get("patch/" + path), out);
                    yield out.toByteArray();
                }
                default -> throw new AssertionError(file);
            };
            assertThat(Sha256.of(bytes)).as(path).isEqualTo(file.get("sha256").asText());
            result.put(path, bytes);
        }
        return result;
    }
}
