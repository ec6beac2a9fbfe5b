package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.FieldError;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an uploaded package the way a device unpacks it (entry by entry, from the local headers), refusing
 * what would be unsafe to unpack: names that leave the folder, more entries or more unpacked bytes than the
 * limits allow (counted while reading, so a zip bomb stops at the limit). Every refusal names the field
 * {@code file}.
 */
public final class PackageZip {

    public static final String FIELD = "file";

    private PackageZip() {
    }

    /** What to do with one file of the zip; its stream ends where the file ends, or refuses past the limit. */
    @FunctionalInterface
    public interface EntryReader {
        void read(String path, InputStream content) throws IOException;
    }

    /** The package's files and content digest, or a refusal. */
    public static PackageContents inspect(Path zip, ZipLimits limits) {
        List<PackageFile> files = new ArrayList<>();
        read(zip, limits, path -> true, (path, content) -> {
            MessageDigest digest = Sha256.digest();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            int read;
            while ((read = content.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
                size += read;
            }
            files.add(new PackageFile(path, HexFormat.of().formatHex(digest.digest()), size));
        });
        if (files.isEmpty()) {
            throw refused("the zip holds no file");
        }
        return PackageContents.of(files);
    }

    /** Refuses a package whose main URL is a path to a file the zip does not hold. */
    public static void requireMain(PackageContents contents, String mainUrl) {
        if (mainUrl == null || !mainUrl.startsWith("/")) {
            return;
        }
        String path = mainUrl.substring(1).split("[?#]", 2)[0];
        if (!contents.has(path)) {
            throw new InvalidInputException(List.of(new FieldError(FIELD,
                    "holds no " + path + ", which mainUrl " + shortened(mainUrl) + " names")));
        }
    }

    /** Hands each file whose path {@code wanted} accepts to {@code each}, in the zip's order. */
    public static void read(Path zip, ZipLimits limits, Predicate<String> wanted, EntryReader each) {
        Set<String> seen = new HashSet<>();
        int entries = 0;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip)))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw refused("holds more than " + limits.maxEntries() + " entries");
                }
                String name = entry.getName();
                requireSafe(name);
                if (entry.isDirectory()) {
                    continue;
                }
                if (!seen.add(name)) {
                    throw refused("holds " + shortened(name) + " twice");
                }
                if (wanted.test(name)) {
                    BoundedStream content = new BoundedStream(in, limits.maxUnpackedBytes() - total);
                    each.read(name, content);
                    total += content.count();
                }
            }
            if (entries == 0) {
                throw refused("is not a zip, or an empty one");
            }
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // A truncated file ends early; a malformed entry name does not decode: both are the zip's fault.
            throw refused("is not a readable zip: " + e.getMessage());
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("the uploaded file is gone: " + zip, e);
        } catch (IOException e) {
            throw refused("could not be read to its end: " + e.getMessage());
        }
    }

    /** One entry's bytes, refused once the whole zip's unpacked bytes would pass the limit. */
    private static final class BoundedStream extends FilterInputStream {

        private final long allowed;
        private long count;

        BoundedStream(InputStream in, long allowed) {
            super(in);
            this.allowed = allowed;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                count += read;
                if (count > allowed) {
                    throw refused("unpacks to more bytes than allowed");
                }
            }
            return read;
        }

        @Override
        public void close() {
            // the zip stream goes on to the next entry: closing it here would end the whole read
        }
    }

    /** Names as a device stores them: relative, forward slashes, no {@code .} or {@code ..} segments. */
    static void requireSafe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || name.indexOf('\0') >= 0) {
            throw refused("has an entry with an unsafe name: " + shortened(name));
        }
        String[] segments = (name.endsWith("/") ? name.substring(0, name.length() - 1) : name).split("/", -1);
        for (String segment : segments) {
            if (segment.equals("..")) {
                throw refused("has an entry that leaves the package: " + shortened(name));
            }
            if (segment.isEmpty() || segment.equals(".")) {
                throw refused("has an entry with an empty or '.' segment: " + shortened(name));
            }
        }
    }

    static InvalidInputException refused(String message) {
        return new InvalidInputException(List.of(new FieldError(FIELD, message)));
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
