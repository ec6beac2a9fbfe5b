package dev.rollgate.packages.persistence;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "package_version")
public class VersionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "package_ref")
    public Long packageRef;

    public String version;

    @Enumerated(EnumType.STRING)
    public Platform platform;

    @Enumerated(EnumType.STRING)
    public VersionState state;

    @Column(name = "download_url")
    public String downloadUrl;

    public String sha256;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "main_url")
    public String mainUrl;

    @Column(name = "fallback_base_url")
    public String fallbackBaseUrl;

    @Column(name = "client_version_min")
    public String clientVersionMin;

    @Column(name = "client_version_max")
    public String clientVersionMax;

    /** Where the uploaded file is in the object store; null for a version registered with an external URL. */
    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "content_sha256")
    public String contentSha256;

    public String signature;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
