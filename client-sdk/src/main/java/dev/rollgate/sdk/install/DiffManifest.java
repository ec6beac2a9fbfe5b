package dev.rollgate.sdk.install;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A diff package's {@code rollgate-diff.json} (docs/package-files.md): which version it turns into which, and
 * the whole new content, file by file, with where each file's bytes come from. Read strictly: a manifest
 * that names a file twice, by an unsafe or unusual path, or with a size past the limits is refused before a
 * byte of the new version is written.
 */
final class DiffManifest {

    static final String NAME = "rollgate-diff.json";
    static final int FORMAT = 1;

    enum Source { SAME, PATCH, ADD }

    static final class FileEntry {
        final String path;
        final String sha256;
        final long size;
        final Source source;

        FileEntry(String path, String sha256, long size, Source source) {
            this.path = path;
            this.sha256 = sha256;
            this.size = size;
            this.source = source;
        }
    }

    final String packageId;
    final String fromVersion;
    final String toVersion;
    final String fromContentSha256;
    final String toContentSha256;
    final List<FileEntry> files;

    private DiffManifest(JsonObject json, List<FileEntry> files) {
        this.packageId = text(json, "packageId");
        this.fromVersion = text(json, "fromVersion");
        this.toVersion = text(json, "toVersion");
        this.fromContentSha256 = text(json, "fromContentSha256");
        this.toContentSha256 = text(json, "toContentSha256");
        this.files = Collections.unmodifiableList(files);
    }

    /** @throws InstallException {@code DIFF_INVALID}, {@code UNSAFE_ZIP} or {@code ZIP_TOO_LARGE} */
    static DiffManifest parse(byte[] bytes, int maxFiles, long maxTotalBytes) throws InstallException {
        JsonObject json;
        try {
            json = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw invalid("the manifest is not a JSON object");
        }
        try {
            if (!json.has("format") || json.get("format").getAsInt() != FORMAT) {
                throw invalid("the manifest's format is not " + FORMAT);
            }
            if (!json.has("files") || !json.get("files").isJsonArray()) {
                throw invalid("the manifest lists no files");
            }
            if (json.getAsJsonArray("files").size() > maxFiles) {
                throw new InstallException("ZIP_TOO_LARGE", "the diff's version has more than " + maxFiles + " files");
            }
            List<FileEntry> files = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            long total = 0;
            for (JsonElement element : json.getAsJsonArray("files")) {
                FileEntry file = file(element.getAsJsonObject());
                // Compared without case too: on a case-insensitive disk two such paths would be one file.
                if (!seen.add(file.path.toLowerCase(Locale.ROOT))) {
                    throw invalid("the manifest names " + file.path + " twice");
                }
                total += file.size;
                if (total > maxTotalBytes) {
                    throw new InstallException("ZIP_TOO_LARGE", "the diff's version unpacks to more than "
                            + maxTotalBytes + " bytes");
                }
                files.add(file);
            }
            return new DiffManifest(json, files);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException
                 | NumberFormatException e) {
            throw invalid("the manifest has a field of the wrong kind: " + e.getMessage());
        }
    }

    private static FileEntry file(JsonObject json) throws InstallException {
        String path = text(json, "path");
        String sha256 = text(json, "sha256");
        String source = text(json, "source");
        if (path == null || sha256 == null || source == null || !json.has("size")) {
            throw invalid("a file of the manifest lacks its path, sha256, size or source");
        }
        checkPath(path);
        if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw invalid("the sha256 of " + path + " is not 64 hex digits");
        }
        long size = json.get("size").getAsLong();
        if (size < 0) {
            throw invalid("the size of " + path + " is negative");
        }
        Source from;
        try {
            from = Source.valueOf(source);
        } catch (IllegalArgumentException e) {
            throw invalid("the source of " + path + " is " + source + ", not SAME, PATCH or ADD");
        }
        return new FileEntry(path, sha256.toLowerCase(Locale.ROOT), size, from);
    }

    /**
     * A path written other than the one way a zip entry's name is (an empty or {@code .} segment, a trailing
     * slash) is refused: two spellings of one file would count twice in the content digest and be one file on
     * disk. What would leave the folder is refused where the path is resolved ({@link SafeUnzip#inside}).
     */
    private static void checkPath(String path) throws InstallException {
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                throw new InstallException("UNSAFE_ZIP", "a file of the diff has an unusual path: " + path);
            }
        }
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static InstallException invalid(String message) {
        return new InstallException("DIFF_INVALID", message);
    }
}
