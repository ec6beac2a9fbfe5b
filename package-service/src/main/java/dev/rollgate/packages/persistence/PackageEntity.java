package dev.rollgate.packages.persistence;

import dev.rollgate.contracts.catalog.PackageType;
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
@Table(name = "package")
public class PackageEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_key")
    public String appKey;

    @Column(name = "package_id")
    public String packageId;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    public PackageType type;

    public String vhost;

    @Column(name = "highest_version")
    public String highestVersion;

    @Enumerated(EnumType.STRING)
    public VersionState status;

    @Column(name = "created_at")
    public Instant createdAt;
}
