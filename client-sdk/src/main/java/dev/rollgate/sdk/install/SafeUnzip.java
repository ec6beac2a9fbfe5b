package dev.rollgate.sdk.install;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a verified package into a staging folder, refusing what could write outside it or fill the disk:
 * absolute paths, {@code ..} segments, backslashes and drive letters (zip slip), more entries than allowed,
 * more bytes in all than allowed. Sizes are counted as bytes are written, not taken from the zip's headers,
 * which a zip bomb lies in.
 */
public final class SafeUnzip {

    private final int maxEntries;
    private final long maxTotalBytes;

    public SafeUnzip(int maxEntries, long maxTotalBytes) {
        this.maxEntries = maxEntries;
        this.maxTotalBytes = maxTotalBytes;
    }

    public void unpack(Path zip, Path target) throws InstallException {
        Path root = target.toAbsolutePath().normalize();
        int entries = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
            Files.createDirectories(root);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new InstallException("ZIP_TOO_LARGE", "more than " + maxEntries + " entries");
                }
                Path path = inside(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (OutputStream out = Files.newOutputStream(path)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        total += read;
                        if (total > maxTotalBytes) {
                            throw new InstallException("ZIP_TOO_LARGE", "unpacks to more than " + maxTotalBytes
                                    + " bytes");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
            if (entries == 0) {
                throw new InstallException("NOT_A_ZIP", "the package holds no entry");
            }
        } catch (ZipException e) {
            throw new InstallException("NOT_A_ZIP", "the package is not a readable zip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InstallException("STORAGE", "could not unpack the package: " + e.getMessage(), e);
        }
    }

    /** The entry's place under the root, or a refusal when its name would leave the root. */
    static Path inside(Path root, String name) throws InstallException {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0) {
            throw new InstallException("UNSAFE_ZIP", "an entry has an unsafe name: " + shortened(name));
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw new InstallException("UNSAFE_ZIP", "an entry leaves the package: " + shortened(name));
            }
        }
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new InstallException("UNSAFE_ZIP", "an entry leaves the package: " + shortened(name));
        }
        return path;
    }

    private static String shortened(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }
}
