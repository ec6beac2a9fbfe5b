package dev.rollgate.packages.service;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.packages.persistence.AppEntity;
import dev.rollgate.packages.persistence.PackageEntity;
import dev.rollgate.packages.persistence.VersionEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Finds apps, packages and versions, failing with a 404-mapped exception when they do not exist. */
@ApplicationScoped
public class CatalogLookup {

    public Uni<AppEntity> app(String appKey) {
        return AppEntity.<AppEntity>findById(appKey)
                .onItem().ifNull().failWith(() -> UnknownResourceException.app(appKey));
    }

    public Uni<PackageEntity> pkg(String appKey, String packageId) {
        return app(appKey).chain(() -> PackageEntity
                .<PackageEntity>find("appKey = ?1 and packageId = ?2", appKey, packageId).firstResult()
                .onItem().ifNull().failWith(() -> UnknownResourceException.pkg(appKey, packageId)));
    }

    /** The package row locked for this transaction: versions of one package are created one at a time. */
    public Uni<PackageEntity> pkgForUpdate(String appKey, String packageId) {
        return app(appKey).chain(() -> PackageEntity
                .<PackageEntity>find("appKey = ?1 and packageId = ?2", appKey, packageId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> UnknownResourceException.pkg(appKey, packageId)));
    }

    /** The stored version equal to {@code version} ({@code 10.2} finds {@code 10.2.0}), or null. */
    public Uni<VersionEntity> versionOrNull(PackageEntity pkg, Version version, Platform platform) {
        return VersionEntity.<VersionEntity>list("packageRef = ?1 and platform = ?2", pkg.id, platform)
                .map(versions -> versions.stream()
                        .filter(v -> Version.parse(v.version).equals(version))
                        .findFirst().orElse(null));
    }

    public Uni<VersionEntity> version(PackageEntity pkg, Version version, Platform platform) {
        return versionOrNull(pkg, version, platform).onItem().ifNull()
                .failWith(() -> UnknownResourceException.version(pkg.packageId, version.toString(), platform));
    }
}
