package dev.rollgate.packages.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rollgate.contracts.json.ContractsJson;
import io.sigpipe.jbsdiff.Diff;
import org.apache.commons.compress.compressors.CompressorException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the diff package that turns one version's files into another's: unchanged files by reference, changed
 * ones as a bsdiff patch of the old file (or whole, when the patch would not be smaller), new ones whole.
 */
public final class DiffWriter {

    /**
     * bsdiff's suffix sort holds about nine times the old file in memory; a file larger than this is sent whole,
     * so that one huge asset cannot exhaust the service's heap.
     */
    static final int MAX_PATCHED_FILE_BYTES = 16 * 1024 * 1024;

    private DiffWriter() {
    }

    /** The two versions being compared: their zips, as already inspected, and their versions. */
    public record Side(Path zip, PackageContents contents, String version) {
    }

    public static void write(String packageId, Side from, Side to, ZipLimits limits, OutputStream out)
            throws IOException {
        Map<String, PackageFile> old = from.contents().byPath();
        Map<String, byte[]> oldBytes = new HashMap<>();
        PackageZip.read(from.zip(), limits, path -> changed(old.get(path), to.contents()),
                (path, content) -> oldBytes.put(path, content.readAllBytes()));

        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, DiffManifest.Source> sources = new HashMap<>();
        PackageZip.read(to.zip(), limits, path -> !same(old.get(path), to.contents().byPath().get(path)),
                (path, content) -> {
                    byte[] bytes = content.readAllBytes();
                    byte[] patch = oldBytes.containsKey(path) ? patch(oldBytes.get(path), bytes) : null;
                    if (patch != null && patch.length < bytes.length) {
                        entries.put("patch/" + path, patch);
                        sources.put(path, DiffManifest.Source.PATCH);
                    } else {
                        entries.put("add/" + path, bytes);
                        sources.put(path, DiffManifest.Source.ADD);
                    }
                });

        List<DiffManifest.Entry> files = new ArrayList<>();
        for (PackageFile file : to.contents().files()) {
            files.add(new DiffManifest.Entry(file.path(), file.sha256(), file.size(),
                    sources.getOrDefault(file.path(), DiffManifest.Source.SAME)));
        }
        DiffManifest manifest = new DiffManifest(DiffManifest.FORMAT, packageId, from.version(), to.version(),
                from.contents().contentSha256(), to.contents().contentSha256(), files);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, DiffManifest.NAME, json(manifest));
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                put(zip, entry.getKey(), entry.getValue());
            }
        }
    }

    private static boolean changed(PackageFile old, PackageContents to) {
        if (old == null) {
            return false;
        }
        PackageFile now = to.byPath().get(old.path());
        return now != null && !now.sha256().equals(old.sha256()) && old.size() <= MAX_PATCHED_FILE_BYTES
                && now.size() <= MAX_PATCHED_FILE_BYTES;
    }

    private static boolean same(PackageFile old, PackageFile now) {
        return old != null && now != null && old.sha256().equals(now.sha256());
    }

    private static byte[] patch(byte[] old, byte[] now) throws IOException {
        ByteArrayOutputStream patch = new ByteArrayOutputStream();
        try {
            Diff.diff(old, now, patch);
        } catch (CompressorException | io.sigpipe.jbsdiff.InvalidHeaderException e) {
            throw new IOException("bsdiff failed", e);
        }
        return patch.toByteArray();
    }

    private static byte[] json(DiffManifest manifest) throws IOException {
        try {
            return ContractsJson.mapper().writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IOException("the diff manifest could not be written", e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
