package dev.rollgate.sdk.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A version's content digest ({@code contentSha256}, docs/package-files.md): the SHA-256 of one line
 * {@code <path>\t<sha256>\n} per file, sorted by path. It names the unpacked content whatever zip tool made
 * the package, so a device that built the content from a diff can tell it has exactly the version's files.
 */
public final class ContentDigest {

    private ContentDigest() {
    }

    /**
     * @param sha256ByPath each file's path (forward slashes, no leading slash) and its SHA-256 in hex; sorted by
     *                     {@link String#compareTo}, as package-service sorts
     */
    public static String of(Map<String, String> sha256ByPath) {
        MessageDigest digest = Sha256.newDigest();
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, String> file : new TreeMap<>(sha256ByPath).entrySet()) {
            line.setLength(0);
            line.append(file.getKey()).append('\t').append(file.getValue().toLowerCase(Locale.ROOT))
                    .append('\n');
            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        return Sha256.hex(digest.digest());
    }

    /** The digest of the files under a folder (folders themselves count for nothing, as in a zip). */
    public static String ofFolder(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path root = folder.toAbsolutePath().normalize();
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    StringBuilder path = new StringBuilder();
                    for (Path segment : root.relativize(file)) {
                        if (path.length() > 0) {
                            path.append('/');
                        }
                        path.append(segment);
                    }
                    files.put(path.toString(), Sha256.of(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return of(files);
    }
}
