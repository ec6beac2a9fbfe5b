package dev.rollgate.packages.service;

import dev.rollgate.contracts.catalog.PlatformSummary;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.packages.domain.PackageStatus;
import dev.rollgate.packages.persistence.PackageEntity;
import dev.rollgate.packages.persistence.PackageHeadEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps each package's per-platform head (highest version and its state) and its overall highest version
 * and status in step with its versions, inside the caller's transaction.
 */
@ApplicationScoped
public class PackageHeads {

    public Uni<List<PackageHeadEntity>> of(PackageEntity pkg) {
        return PackageHeadEntity.list("packageRef", pkg.id);
    }

    public Uni<List<PackageHeadEntity>> ofAll(List<Long> packageRefs) {
        return packageRefs.isEmpty() ? Uni.createFrom().item(List.of())
                : PackageHeadEntity.list("packageRef in ?1", packageRefs);
    }

    /** A new version is always its platform's highest (versions only go up), so it becomes the head. */
    public Uni<Void> newHighest(PackageEntity pkg, Platform platform, String version, VersionState state) {
        return of(pkg).chain(heads -> {
            PackageHeadEntity head = heads.stream().filter(h -> h.platform == platform).findFirst().orElse(null);
            if (head == null) {
                head = new PackageHeadEntity();
                head.packageRef = pkg.id;
                head.platform = platform;
            }
            head.version = version;
            head.state = state;
            PackageHeadEntity updated = head;
            return updated.persist().invoke(() -> refreshStatus(pkg, replace(heads, updated))).replaceWithVoid();
        });
    }

    /**
     * A version's state moved: when the version is its platform's head, the head and the package follow.
     * {@code heads} are the package's heads, read after its row was locked; they change in place.
     */
    public void stateChanged(PackageEntity pkg, List<PackageHeadEntity> heads, Platform platform, String version,
                             VersionState state) {
        PackageHeadEntity head = heads.stream()
                .filter(h -> h.platform == platform && h.version.equals(version))
                .findFirst().orElse(null);
        if (head != null) {
            head.state = state;
            refreshStatus(pkg, heads);
        }
    }

    private static List<PackageHeadEntity> replace(List<PackageHeadEntity> heads, PackageHeadEntity updated) {
        List<PackageHeadEntity> others = heads.stream().filter(h -> h.platform != updated.platform).toList();
        return Stream.concat(others.stream(), Stream.of(updated)).toList();
    }

    private static void refreshStatus(PackageEntity pkg, List<PackageHeadEntity> heads) {
        PlatformSummary overall = PackageStatus.overall(CatalogViews.platforms(heads)).orElse(null);
        pkg.highestVersion = overall == null ? null : overall.highestVersion();
        pkg.status = overall == null ? null : overall.state();
    }
}
