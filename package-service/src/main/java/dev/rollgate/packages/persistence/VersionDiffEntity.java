package dev.rollgate.packages.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored diff package: turns {@code fromVersion} of the same package and platform into the version it belongs to. */
@Entity
@Table(name = "version_diff")
public class VersionDiffEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_ref")
    public Long versionRef;

    @Column(name = "from_version")
    public String fromVersion;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "download_url")
    public String downloadUrl;

    public String sha256;

    @Column(name = "size_bytes")
    public long sizeBytes;
}
