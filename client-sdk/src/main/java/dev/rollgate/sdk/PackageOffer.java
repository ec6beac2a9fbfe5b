package dev.rollgate.sdk;

import java.util.Objects;

/**
 * One package of the gateway's answer: the version this device should run and everything needed to fetch
 * it, check it and load it.
 */
public final class PackageOffer {

    private final String packageId;
    private final String version;
    private final String releaseType;
    private final String downloadUrl;
    private final String sha256;
    private final long sizeBytes;
    private final String mainUrl;
    private final String fallbackBaseUrl;
    private final String taskId;

    public PackageOffer(String packageId, String version, String releaseType, String downloadUrl, String sha256,
                        long sizeBytes, String mainUrl, String fallbackBaseUrl) {
        this(packageId, version, releaseType, downloadUrl, sha256, sizeBytes, mainUrl, fallbackBaseUrl, null);
    }

    public PackageOffer(String packageId, String version, String releaseType, String downloadUrl, String sha256,
                        long sizeBytes, String mainUrl, String fallbackBaseUrl, String taskId) {
        this.packageId = Objects.requireNonNull(packageId, "packageId");
        this.version = Objects.requireNonNull(version, "version");
        this.releaseType = releaseType;
        this.downloadUrl = downloadUrl;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.mainUrl = mainUrl;
        this.fallbackBaseUrl = fallbackBaseUrl;
        this.taskId = taskId;
    }

    public String packageId() {
        return packageId;
    }

    public String version() {
        return version;
    }

    /** {@code GRAYSCALE} or {@code OFFICIAL} (a baseline is official). */
    public String releaseType() {
        return releaseType;
    }

    public String downloadUrl() {
        return downloadUrl;
    }

    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** A path inside the package ({@code /index.html}) or a URL; null when the package names none. */
    public String mainUrl() {
        return mainUrl;
    }

    /** Where the same page is online, for while the package is not installed. */
    public String fallbackBaseUrl() {
        return fallbackBaseUrl;
    }

    /** The release task that chose this version, named in the device's outcome reports; null for a baseline. */
    public String taskId() {
        return taskId;
    }

    @Override
    public String toString() {
        return packageId + " " + version;
    }
}
