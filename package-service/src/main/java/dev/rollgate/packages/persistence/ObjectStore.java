package dev.rollgate.packages.persistence;

import dev.rollgate.packages.config.FilesConfig;
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
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Package files in an S3-compatible bucket. Blocking calls: callers run them on a worker thread, never on an
 * event loop.
 */
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
    public void download(String key, Path target) throws java.io.IOException {
        Files.deleteIfExists(target);
        s3.getObject(request -> request.bucket(bucket).key(key), target);
    }

    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    public boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @PreDestroy
    void close() {
        s3.close();
    }
}
