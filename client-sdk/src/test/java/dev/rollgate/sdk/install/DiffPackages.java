package dev.rollgate.sdk.install;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.sigpipe.jbsdiff.Diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes packages and diff packages for tests, as package-service does (docs/package-files.md): a file the old
 * version has unchanged is SAME, a changed one a jbsdiff PATCH, a new one ADD.
 */
public final class DiffPackages {

    private DiffPackages() {
    }

    /** A diff package in the making: its manifest and its entries, which a test may spoil before writing. */
    public static final class DiffPackage {
        public final JsonObject manifest;
        public final Map<String, byte[]> entries = new LinkedHashMap<>();

        DiffPackage(JsonObject manifest) {
            this.manifest = manifest;
        }

        public JsonObject file(String path) {
            for (var element : manifest.getAsJsonArray("files")) {
                if (element.getAsJsonObject().get("path").getAsString().equals(path)) {
                    return element.getAsJsonObject();
                }
            }
            throw new IllegalArgumentException(path);
        }

        public byte[] zip() throws IOException {
            Map<String, byte[]> all = new LinkedHashMap<>();
            all.put("rollgate-diff.json", manifest.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            all.putAll(entries);
            return DiffPackages.zip(all);
        }
    }

    public static DiffPackage diff(String packageId, String from, Map<String, byte[]> oldFiles, String to,
                                   Map<String, byte[]> newFiles) throws Exception {
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", 1);
        manifest.addProperty("packageId", packageId);
        manifest.addProperty("fromVersion", from);
        manifest.addProperty("toVersion", to);
        manifest.addProperty("fromContentSha256", contentSha256(oldFiles));
        manifest.addProperty("toContentSha256", contentSha256(newFiles));
        JsonArray files = new JsonArray();
        manifest.add("files", files);
        DiffPackage diff = new DiffPackage(manifest);
        for (Map.Entry<String, byte[]> file : newFiles.entrySet()) {
            byte[] old = oldFiles.get(file.getKey());
            String source = old == null ? "ADD" : Arrays.equals(old, file.getValue()) ? "SAME" : "PATCH";
            JsonObject entry = new JsonObject();
            entry.addProperty("path", file.getKey());
            entry.addProperty("sha256", sha256(file.getValue()));
            entry.addProperty("size", file.getValue().length);
            entry.addProperty("source", source);
            files.add(entry);
            if (source.equals("ADD")) {
                diff.entries.put("add/" + file.getKey(), file.getValue());
            } else if (source.equals("PATCH")) {
                ByteArrayOutputStream patch = new ByteArrayOutputStream();
                Diff.diff(old, file.getValue(), patch);
                diff.entries.put("patch/" + file.getKey(), patch.toByteArray());
            }
        }
        return diff;
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static void write(Path folder, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            try (OutputStream out = Files.newOutputStream(path)) {
                out.write(file.getValue());
            }
        }
    }

    public static Map<String, byte[]> read(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    files.put(folder.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
            }
        }
        return files;
    }

    public static String contentSha256(Map<String, byte[]> files) {
        Map<String, String> hashes = new TreeMap<>();
        files.forEach((path, bytes) -> hashes.put(path, sha256(bytes)));
        return ContentDigest.of(hashes);
    }

    public static String sha256(byte[] bytes) {
        try {
            return Sha256.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
