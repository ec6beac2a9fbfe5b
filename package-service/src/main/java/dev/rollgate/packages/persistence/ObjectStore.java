package dev.rollgate.packages.persistence;

import dev.rollgate.packages.config.FilesConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Package files in an S3-compatible bucket. Blocking calls: callers run them on a worker thread, never on an
 * event loop. Made at start, not on a request's event loop: building the client reads files.
 */
@Startup
@ApplicationScoped
public class ObjectStore {

    private final S3Client s3;
    private final String bucket;
    private final String publicBaseUrl;

    ObjectStore(FilesConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKey(), config.secretKey())))
                .forcePathStyle(config.pathStyle())
                // Checksums only where S3 requires them: the newer default (trailing CRC32 on every upload)
                // is refused by several S3-compatible servers, and the service checks SHA-256 itself.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2)));
        config.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
        this.bucket = config.bucket();
        this.publicBaseUrl = config.publicBaseUrl().replaceAll("/+$", "");
    }

    /** Where devices download the object. */
    public String publicUrl(String key) {
        return publicBaseUrl + "/" + key;
    }

    public void put(String key, Path file) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/zip"),
                RequestBody.fromFile(file));
    }

    /** Copies the object to {@code target}, replacing it. */
    public void download(String key, Path target) throws IOException {
        Files.deleteIfExists(target);
        s3.getObject(request -> request.bucket(bucket).key(key), target);
    }

    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    @PreDestroy
    void close() {
        s3.close();
    }
}
