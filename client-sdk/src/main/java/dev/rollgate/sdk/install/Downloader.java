package dev.rollgate.sdk.install;

import dev.rollgate.sdk.PackageOffer;
import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches a package file into a partial file that survives a cut connection or a restart: the next attempt
 * asks only for the rest (a {@code Range} request) and starts over when the server sends it whole. Nothing
 * is used before its size and SHA-256 are those the gateway named; a file that does not match is deleted.
 */
public final class Downloader {

    /** Told how far a download has come. */
    public interface Progress {
        void bytes(long received, long total);
    }

    private final HttpTransport http;

    public Downloader(HttpTransport http) {
        this.http = http;
    }

    /** @return the verified file, {@code partial} itself once complete */
    public Path download(PackageOffer offer, Path partial, Progress progress) throws InstallException {
        if (offer.downloadUrl() == null || offer.sha256() == null || offer.sizeBytes() <= 0) {
            throw new InstallException("DOWNLOAD_FAILED", "the answer names no download, hash or size for " + offer);
        }
        try {
            long have = Files.exists(partial) ? Files.size(partial) : 0;
            if (have > offer.sizeBytes()) {
                Files.delete(partial);
                have = 0;
            }
            if (have < offer.sizeBytes()) {
                fetch(offer, partial, have, progress);
            }
            verify(offer, partial);
            return partial;
        } catch (IOException e) {
            throw new InstallException("DOWNLOAD_FAILED", "the download of " + offer + " broke off: "
                    + e.getMessage(), e);
        }
    }

    private void fetch(PackageOffer offer, Path partial, long have, Progress progress)
            throws IOException, InstallException {
        Map<String, String> headers = new HashMap<>();
        if (have > 0) {
            headers.put("Range", "bytes=" + have + "-");
        }
        try (HttpResponse response = http.get(offer.downloadUrl(), headers)) {
            boolean resumed = response.status() == 206 && have > 0;
            if (!resumed && response.status() != 200) {
                throw new InstallException("DOWNLOAD_FAILED", "the package file answered " + response.status());
            }
            long received = resumed ? have : 0;
            StandardOpenOption mode = resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = response.body();
                 OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         mode)) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    received += read;
                    if (received > offer.sizeBytes()) {
                        throw new InstallException("SIZE_MISMATCH", "the package file is larger than the "
                                + offer.sizeBytes() + " bytes the answer named");
                    }
                    out.write(buffer, 0, read);
                    progress.bytes(received, offer.sizeBytes());
                }
            }
        }
    }

    private static void verify(PackageOffer offer, Path file) throws IOException, InstallException {
        long size = Files.size(file);
        if (size != offer.sizeBytes()) {
            Files.delete(file);
            throw new InstallException("SIZE_MISMATCH", "the package file has " + size + " bytes, the answer named "
                    + offer.sizeBytes());
        }
        String actual = sha256(file);
        if (!actual.equalsIgnoreCase(offer.sha256())) {
            Files.delete(file);
            throw new InstallException("HASH_MISMATCH", "the package file's SHA-256 is " + actual + ", not "
                    + offer.sha256().toLowerCase(Locale.ROOT));
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : digest.digest()) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }
}
