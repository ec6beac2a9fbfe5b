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
    private final String contentSha256;
    private final String signature;
    private final PackageDiff diff;

    public PackageOffer(String packageId, String version, String releaseType, String downloadUrl, String sha256,
                        long sizeBytes, String mainUrl, String fallbackBaseUrl) {
        this(packageId, version, releaseType, downloadUrl, sha256, sizeBytes, mainUrl, fallbackBaseUrl, null);
    }

    public PackageOffer(String packageId, String version, String releaseType, String downloadUrl, String sha256,
                        long sizeBytes, String mainUrl, String fallbackBaseUrl, String taskId) {
        this(builder(packageId, version).releaseType(releaseType).downloadUrl(downloadUrl).sha256(sha256)
                .sizeBytes(sizeBytes).mainUrl(mainUrl).fallbackBaseUrl(fallbackBaseUrl).taskId(taskId));
    }

    private PackageOffer(Builder builder) {
        this.packageId = Objects.requireNonNull(builder.packageId, "packageId");
        this.version = Objects.requireNonNull(builder.version, "version");
        this.releaseType = builder.releaseType;
        this.downloadUrl = builder.downloadUrl;
        this.sha256 = builder.sha256;
        this.sizeBytes = builder.sizeBytes;
        this.mainUrl = builder.mainUrl;
        this.fallbackBaseUrl = builder.fallbackBaseUrl;
        this.taskId = builder.taskId;
        this.contentSha256 = builder.contentSha256;
        this.signature = builder.signature;
        this.diff = builder.diff;
    }

    public static Builder builder(String packageId, String version) {
        return new Builder(packageId, version);
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

    /**
     * The digest of the version's unpacked files (docs/package-files.md); null for a version registered with an
     * external URL, which Rollgate never had the file of (and so has no diff).
     */
    public String contentSha256() {
        return contentSha256;
    }

    /** The app key's Ed25519 signature (base64) over the version's identity and hashes; null when unsigned. */
    public String signature() {
        return signature;
    }

    /** A diff from the version this device named as installed, or null: then only the full package. */
    public PackageDiff diff() {
        return diff;
    }

    @Override
    public String toString() {
        return packageId + " " + version;
    }

    /** For an offer with the fields the older constructors lack (content digest, signature, diff). */
    public static final class Builder {
        private final String packageId;
        private final String version;
        private String releaseType;
        private String downloadUrl;
        private String sha256;
        private long sizeBytes;
        private String mainUrl;
        private String fallbackBaseUrl;
        private String taskId;
        private String contentSha256;
        private String signature;
        private PackageDiff diff;

        private Builder(String packageId, String version) {
            this.packageId = packageId;
            this.version = version;
        }

        public Builder releaseType(String releaseType) {
            this.releaseType = releaseType;
            return this;
        }

        public Builder downloadUrl(String downloadUrl) {
            this.downloadUrl = downloadUrl;
            return this;
        }

        public Builder sha256(String sha256) {
            this.sha256 = sha256;
            return this;
        }

        public Builder sizeBytes(long sizeBytes) {
            this.sizeBytes = sizeBytes;
            return this;
        }

        public Builder mainUrl(String mainUrl) {
            this.mainUrl = mainUrl;
            return this;
        }

        public Builder fallbackBaseUrl(String fallbackBaseUrl) {
            this.fallbackBaseUrl = fallbackBaseUrl;
            return this;
        }

        public Builder taskId(String taskId) {
            this.taskId = taskId;
            return this;
        }

        public Builder contentSha256(String contentSha256) {
            this.contentSha256 = contentSha256;
            return this;
        }

        public Builder signature(String signature) {
            this.signature = signature;
            return this;
        }

        public Builder diff(PackageDiff diff) {
            this.diff = diff;
            return this;
        }

        public PackageOffer build() {
            return new PackageOffer(this);
        }
    }
}
