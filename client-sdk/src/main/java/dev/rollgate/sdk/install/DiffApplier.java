package dev.rollgate.sdk.install;

import dev.rollgate.sdk.PackageOffer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Builds an offered version's content from a diff package and the content of the version in use
 * (docs/package-files.md): {@code SAME} files are copied, {@code PATCH} files patched, {@code ADD} files taken
 * from the diff. Every file must come out with the size and SHA-256 the manifest lists, and the whole with the
 * offer's content digest; paths are held to what {@link SafeUnzip} allows, and sizes to its limits, so a diff
 * can build no more than a full package could. The folder written is the caller's to discard on failure.
 */
public final class DiffApplier {

    /** A patched file, its old version and its patch are each held in memory: a larger one comes in full. */
    static final long MAX_PATCHED_FILE_BYTES = 32L << 20;
    private static final long MAX_MANIFEST_BYTES = 8L << 20;

    private final int maxFiles;
    private final long maxTotalBytes;

    public DiffApplier(int maxFiles, long maxTotalBytes) {
        this.maxFiles = maxFiles;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * @param offer     the offered version, with its {@code contentSha256} and {@code diff}
     * @param diffZip   the diff package, its size and SHA-256 already checked
     * @param installed the content folder of the version the diff is from
     * @param target    an empty folder for the new content
     * @throws InstallException with the reason: {@code DIFF_INVALID}, {@code PATCH_FAILED}, {@code SIZE_MISMATCH},
     *                          {@code HASH_MISMATCH}, {@code CONTENT_MISMATCH}, {@code UNSAFE_ZIP},
     *                          {@code ZIP_TOO_LARGE}, {@code NOT_A_ZIP} or {@code STORAGE}
     */
    public void apply(PackageOffer offer, Path diffZip, Path installed, Path target) throws InstallException {
        Path oldRoot = installed.toAbsolutePath().normalize();
        Path newRoot = target.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(diffZip)))) {
            DiffManifest manifest = manifest(zip, offer);
            Map<String, DiffManifest.FileEntry> awaited = new HashMap<>();
            for (DiffManifest.FileEntry file : manifest.files) {
                // Every path is resolved before a byte is written: an unsafe one refuses the whole diff.
                SafeUnzip.inside(oldRoot, file.path);
                SafeUnzip.inside(newRoot, file.path);
                if (file.source != DiffManifest.Source.SAME) {
                    awaited.put(file.source.name().toLowerCase(Locale.ROOT) + "/" + file.path, file);
                }
            }
            Files.createDirectories(newRoot);
            Map<String, String> written = new TreeMap<>();
            int entries = 1;
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > 2 * maxFiles + 1) {
                    throw new InstallException("ZIP_TOO_LARGE", "the diff has more than " + (2 * maxFiles + 1)
                            + " entries");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                DiffManifest.FileEntry file = awaited.remove(entry.getName());
                if (file == null) {
                    throw invalid("the diff holds " + entry.getName() + ", which its manifest does not list, "
                            + "or holds it twice");
                }
                Path to = SafeUnzip.inside(newRoot, file.path);
                if (file.source == DiffManifest.Source.ADD) {
                    written.put(file.path, write(zip, to, file));
                } else {
                    written.put(file.path, patch(zip, SafeUnzip.inside(oldRoot, file.path), to, file));
                }
            }
            if (!awaited.isEmpty()) {
                throw invalid("the diff lacks " + awaited.keySet().iterator().next());
            }
            for (DiffManifest.FileEntry file : manifest.files) {
                if (file.source == DiffManifest.Source.SAME) {
                    written.put(file.path, same(SafeUnzip.inside(oldRoot, file.path),
                            SafeUnzip.inside(newRoot, file.path), file));
                }
            }
            String digest = ContentDigest.of(written);
            if (!digest.equalsIgnoreCase(offer.contentSha256())) {
                throw new InstallException("CONTENT_MISMATCH", "the content built from the diff has the digest "
                        + digest + ", the answer named " + offer.contentSha256());
            }
        } catch (ZipException e) {
            throw new InstallException("NOT_A_ZIP", "the diff is not a readable zip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InstallException("STORAGE", "could not apply the diff: " + e.getMessage(), e);
        }
    }

    private DiffManifest manifest(ZipInputStream zip, PackageOffer offer) throws IOException, InstallException {
        ZipEntry first = zip.getNextEntry();
        if (first == null || !DiffManifest.NAME.equals(first.getName())) {
            throw invalid("the diff's first entry is not " + DiffManifest.NAME);
        }
        DiffManifest manifest = DiffManifest.parse(readAtMost(zip, MAX_MANIFEST_BYTES, DiffManifest.NAME),
                maxFiles, maxTotalBytes);
        String from = offer.diff() == null ? null : offer.diff().fromVersion();
        if (!offer.packageId().equals(manifest.packageId) || !offer.version().equals(manifest.toVersion)
                || from == null || !from.equals(manifest.fromVersion)) {
            throw invalid("the diff turns " + manifest.packageId + " " + manifest.fromVersion + " into "
                    + manifest.toVersion + ", not " + offer.packageId() + " " + from + " into " + offer.version());
        }
        if (offer.contentSha256() == null || (manifest.toContentSha256 != null
                && !manifest.toContentSha256.equalsIgnoreCase(offer.contentSha256()))) {
            throw invalid("the diff is not for the content the answer names");
        }
        return manifest;
    }

    private static String write(InputStream in, Path to, DiffManifest.FileEntry file)
            throws IOException, InstallException {
        MessageDigest digest = Sha256.newDigest();
        Files.createDirectories(to.getParent());
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(to), digest)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                size += read;
                if (size > file.size) {
                    throw sizeMismatch(file, size);
                }
                out.write(buffer, 0, read);
            }
        }
        return checked(file, size, digest);
    }

    private static String same(Path from, Path to, DiffManifest.FileEntry file) throws IOException, InstallException {
        if (!Files.isRegularFile(from)) {
            throw invalid("the installed version has no " + file.path + " to keep");
        }
        try (InputStream in = Files.newInputStream(from)) {
            return write(in, to, file);
        }
    }

    private static String patch(InputStream zip, Path from, Path to, DiffManifest.FileEntry file)
            throws IOException, InstallException {
        if (!Files.isRegularFile(from)) {
            throw invalid("the installed version has no " + file.path + " to patch");
        }
        if (file.size > MAX_PATCHED_FILE_BYTES || Files.size(from) > MAX_PATCHED_FILE_BYTES) {
            throw new InstallException("ZIP_TOO_LARGE", file.path + " is too large to patch on the device");
        }
        byte[] patch = readAtMost(zip, MAX_PATCHED_FILE_BYTES, "the patch of " + file.path);
        byte[] old = Files.readAllBytes(from);
        MessageDigest digest = Sha256.newDigest();
        Files.createDirectories(to.getParent());
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(to), digest)) {
            BsdiffPatch.apply(old, patch, file.size, out, file.path);
        }
        return checked(file, Files.size(to), digest);
    }

    private static String checked(DiffManifest.FileEntry file, long size, MessageDigest digest)
            throws InstallException {
        if (size != file.size) {
            throw sizeMismatch(file, size);
        }
        String sha256 = Sha256.hex(digest.digest());
        if (!sha256.equals(file.sha256)) {
            throw new InstallException("HASH_MISMATCH", file.path + " came out with the SHA-256 " + sha256
                    + ", the manifest lists " + file.sha256);
        }
        return sha256;
    }

    private static byte[] readAtMost(InputStream in, long max, String what) throws IOException, InstallException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) > 0) {
            if (bytes.size() + (long) read > max) {
                throw new InstallException("ZIP_TOO_LARGE", what + " is larger than " + max + " bytes");
            }
            bytes.write(buffer, 0, read);
        }
        return bytes.toByteArray();
    }

    private static InstallException sizeMismatch(DiffManifest.FileEntry file, long size) {
        return new InstallException("SIZE_MISMATCH", file.path + " came out with " + (size > file.size
                ? "more than " + file.size : String.valueOf(size)) + " bytes, the manifest lists " + file.size);
    }

    private static InstallException invalid(String message) {
        return new InstallException("DIFF_INVALID", message);
    }
}
