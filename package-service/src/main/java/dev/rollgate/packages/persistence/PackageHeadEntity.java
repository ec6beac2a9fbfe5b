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

/** The highest version of one package on one platform, and its state. */
@Entity
@Table(name = "package_head")
public class PackageHeadEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "package_ref")
    public Long packageRef;

    @Enumerated(EnumType.STRING)
    public Platform platform;

    public String version;

    @Enumerated(EnumType.STRING)
    public VersionState state;
}
