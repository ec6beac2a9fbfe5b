package dev.rollgate.sdk;

import java.util.Objects;

/**
 * A diff package the gateway offers beside a version's full package: what turns the version a device has
 * installed ({@code fromVersion}) into the offered one, usually a small part of the full download.
 */
public final class PackageDiff {

    private final String fromVersion;
    private final String downloadUrl;
    private final String sha256;
    private final long sizeBytes;

    public PackageDiff(String fromVersion, String downloadUrl, String sha256, long sizeBytes) {
        this.fromVersion = Objects.requireNonNull(fromVersion, "fromVersion");
        this.downloadUrl = Objects.requireNonNull(downloadUrl, "downloadUrl");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.sizeBytes = sizeBytes;
    }

    /** The installed version the diff applies to. */
    public String fromVersion() {
        return fromVersion;
    }

    public String downloadUrl() {
        return downloadUrl;
    }

    /** The diff file's own SHA-256; the result is checked against the offer's content digest. */
    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String toString() {
        return "diff from " + fromVersion + " (" + sizeBytes + " bytes)";
    }
}
