package dev.rollgate.packages.config;

import dev.rollgate.packages.domain.ZipLimits;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/** Package files: the object store they go to, where devices fetch them, and what an upload may be. */
@ConfigMapping(prefix = "rollgate.files")
public interface FilesConfig {

    /** The S3-compatible store; the AWS default endpoint of the region when unset. */
    Optional<URI> endpoint();

    @WithDefault("us-east-1")
    String region();

    String bucket();

    @WithDefault("local")
    String accessKey();

    @WithDefault("local")
    String secretKey();

    /** Bucket in the path rather than the host name: what most S3-compatible servers expect. */
    @WithDefault("true")
    boolean pathStyle();

    /** Download URLs are this plus {@code /} plus the object's key: a CDN in front of the bucket in production. */
    String publicBaseUrl();

    /** The largest package file accepted; keep the HTTP limits ({@code rollgate.http.upload-max-size}) above it. */
    @WithDefault("200M")
    MemorySize maxSize();

    @WithDefault("10000")
    int maxEntries();

    @WithDefault("512M")
    MemorySize maxUnpackedSize();

    /** What an uploaded zip may hold, as the zip checks take it. */
    default ZipLimits zipLimits() {
        return new ZipLimits(maxEntries(), maxUnpackedSize().asLongValue());
    }

    /** How many earlier released versions get a diff to each new upload. */
    @WithDefault("3")
    int diffFrom();
}
