package dev.rollgate.packages.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rollgate.contracts.json.ContractsJson;
import io.sigpipe.jbsdiff.Diff;
import io.sigpipe.jbsdiff.InvalidHeaderException;
import org.apache.commons.compress.compressors.CompressorException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the diff package that turns one version's files into another's: unchanged files by reference, changed
 * ones as a bsdiff patch of the old file (or whole, when the patch would not be smaller), new ones whole. Old
 * files and patches wait in a temporary folder and new files are streamed, so memory holds one file at a time
 * however large the package.
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
        Path work = Files.createTempDirectory("rollgate-diff-");
        try {
            Map<String, PackageFile> old = from.contents().byPath();
            Map<String, PackageFile> now = to.contents().byPath();
            Map<String, Path> oldFiles = new HashMap<>();
            PackageZip.read(from.zip(), limits, path -> patchable(old.get(path), now.get(path)), (path, content) -> {
                Path file = work.resolve("old-" + oldFiles.size());
                Files.copy(content, file);
                oldFiles.put(path, file);
            });
            Map<String, Path> patches = new HashMap<>();
            PackageZip.read(to.zip(), limits, oldFiles::containsKey, (path, content) -> {
                byte[] bytes = content.readAllBytes();
                byte[] patch = patch(Files.readAllBytes(oldFiles.get(path)), bytes);
                if (patch.length < bytes.length) {
                    Path file = work.resolve("patch-" + patches.size());
                    Files.write(file, patch);
                    patches.put(path, file);
                }
            });
            DiffManifest manifest = manifest(packageId, from, to, patches);
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, DiffManifest.NAME, json(manifest));
                for (DiffManifest.Entry entry : manifest.files()) {
                    if (entry.source() == DiffManifest.Source.PATCH) {
                        put(zip, "patch/" + entry.path(), Files.readAllBytes(patches.get(entry.path())));
                    }
                }
                PackageZip.read(to.zip(), limits, path -> !patches.containsKey(path) && !same(old.get(path),
                        now.get(path)), (path, content) -> {
                    zip.putNextEntry(new ZipEntry("add/" + path));
                    content.transferTo(zip);
                    zip.closeEntry();
                });
            }
        } finally {
            deleteTree(work);
        }
    }

    private static DiffManifest manifest(String packageId, Side from, Side to, Map<String, Path> patches) {
        Map<String, PackageFile> old = from.contents().byPath();
        List<DiffManifest.Entry> files = new ArrayList<>();
        for (PackageFile file : to.contents().files()) {
            DiffManifest.Source source = same(old.get(file.path()), file) ? DiffManifest.Source.SAME
                    : patches.containsKey(file.path()) ? DiffManifest.Source.PATCH : DiffManifest.Source.ADD;
            files.add(new DiffManifest.Entry(file.path(), file.sha256(), file.size(), source));
        }
        return new DiffManifest(DiffManifest.FORMAT, packageId, from.version(), to.version(),
                from.contents().contentSha256(), to.contents().contentSha256(), files);
    }

    /** A file in both versions, changed, and small enough for bsdiff. */
    private static boolean patchable(PackageFile old, PackageFile now) {
        return old != null && now != null && !now.sha256().equals(old.sha256())
                && old.size() <= MAX_PATCHED_FILE_BYTES && now.size() <= MAX_PATCHED_FILE_BYTES;
    }

    private static boolean same(PackageFile old, PackageFile now) {
        return old != null && now != null && old.sha256().equals(now.sha256());
    }

    private static byte[] patch(byte[] old, byte[] now) throws IOException {
        ByteArrayOutputStream patch = new ByteArrayOutputStream();
        try {
            Diff.diff(old, now, patch);
        } catch (CompressorException | InvalidHeaderException e) {
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

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
