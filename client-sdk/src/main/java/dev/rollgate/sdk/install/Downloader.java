package dev.rollgate.sdk.install;

import dev.rollgate.sdk.PackageDiff;
import dev.rollgate.sdk.PackageOffer;
import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fetches a package file (or a diff) into a partial file that survives a cut connection or a restart: the
 * next attempt asks only for the rest (a {@code Range} request) and starts over when the server sends it
 * whole. Nothing is used before its size and SHA-256 are those the gateway named; a file that does not match
 * is deleted.
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
        return download(new Wanted("the package file of " + offer, offer.downloadUrl(), offer.sha256(),
                offer.sizeBytes()), partial, progress);
    }

    /** The same for a diff package: @return the verified diff, {@code partial} itself once complete */
    public Path download(PackageOffer offer, PackageDiff diff, Path partial, Progress progress)
            throws InstallException {
        return download(new Wanted("the diff from " + diff.fromVersion() + " to " + offer, diff.downloadUrl(),
                diff.sha256(), diff.sizeBytes()), partial, progress);
    }

    /** What is to be downloaded, and what it must be once it is. */
    private static final class Wanted {
        final String name;
        final String url;
        final String sha256;
        final long size;

        Wanted(String name, String url, String sha256, long size) {
            this.name = name;
            this.url = url;
            this.sha256 = sha256;
            this.size = size;
        }
    }

    private Path download(Wanted file, Path partial, Progress progress) throws InstallException {
        if (file.url == null || file.sha256 == null || file.size <= 0) {
            throw new InstallException("DOWNLOAD_FAILED", "the answer names no download, hash or size for "
                    + file.name);
        }
        try {
            long have = Files.exists(partial) ? Files.size(partial) : 0;
            if (have > file.size) {
                Files.delete(partial);
                have = 0;
            }
            if (have < file.size) {
                fetch(file, partial, have, progress);
            }
            verify(file, partial);
            return partial;
        } catch (IOException e) {
            throw new InstallException("DOWNLOAD_FAILED", "the download of " + file.name + " broke off: "
                    + e.getMessage(), e);
        }
    }

    private void fetch(Wanted file, Path partial, long have, Progress progress) throws IOException, InstallException {
        Map<String, String> headers = new HashMap<>();
        if (have > 0) {
            headers.put("Range", "bytes=" + have + "-");
        }
        try (HttpResponse response = http.get(file.url, headers)) {
            boolean resumed = response.status() == 206 && have > 0;
            if (!resumed && response.status() != 200) {
                throw new InstallException("DOWNLOAD_FAILED", file.name + " answered " + response.status());
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
                    if (received > file.size) {
                        throw new InstallException("SIZE_MISMATCH", file.name + " is larger than the "
                                + file.size + " bytes the answer named");
                    }
                    out.write(buffer, 0, read);
                    progress.bytes(received, file.size);
                }
            }
        }
    }

    private static void verify(Wanted file, Path partial) throws IOException, InstallException {
        long size = Files.size(partial);
        if (size != file.size) {
            Files.delete(partial);
            throw new InstallException("SIZE_MISMATCH", file.name + " has " + size + " bytes, the answer named "
                    + file.size);
        }
        String actual = Sha256.of(partial);
        if (!actual.equalsIgnoreCase(file.sha256)) {
            Files.delete(partial);
            throw new InstallException("HASH_MISMATCH", file.name + "'s SHA-256 is " + actual + ", not "
                    + file.sha256.toLowerCase(Locale.ROOT));
        }
    }
}
