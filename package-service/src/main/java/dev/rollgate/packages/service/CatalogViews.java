package dev.rollgate.packages.service;

import dev.rollgate.contracts.catalog.DiffPackage;
import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.catalog.PlatformSummary;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.packages.persistence.PackageEntity;
import dev.rollgate.packages.persistence.PackageHeadEntity;
import dev.rollgate.packages.persistence.VersionDiffEntity;
import dev.rollgate.packages.persistence.VersionEntity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns stored rows into the views package-service answers with (contracts' catalog records). */
final class CatalogViews {

    private static final Comparator<VersionEntity> PLATFORM_THEN_HIGHEST_FIRST = Comparator
            .comparing((VersionEntity v) -> v.platform)
            .thenComparing((VersionEntity v) -> Version.parse(v.version), Comparator.reverseOrder());

    private CatalogViews() {
    }

    /** @param diffs the version's stored diff packages */
    static PackageVersionView version(PackageEntity pkg, VersionEntity v, List<VersionDiffEntity> diffs) {
        List<DiffPackage> offered = diffs.stream()
                .sorted(Comparator.comparing((VersionDiffEntity d) -> Version.parse(d.fromVersion)).reversed())
                .map(d -> new DiffPackage(d.fromVersion, d.downloadUrl, d.sha256, d.sizeBytes))
                .toList();
        return new PackageVersionView(pkg.appKey, pkg.packageId, v.version, v.platform, v.state, v.downloadUrl,
                v.sha256, v.sizeBytes, v.mainUrl, v.fallbackBaseUrl, v.clientVersionMin, v.clientVersionMax,
                v.createdAt, v.contentSha256, v.signature, offered);
    }

    static List<PlatformSummary> platforms(List<PackageHeadEntity> heads) {
        return heads.stream()
                .sorted(Comparator.comparing((PackageHeadEntity h) -> h.platform))
                .map(h -> new PlatformSummary(h.platform, h.version, h.state))
                .toList();
    }

    /** A package as the list shows it: no versions. */
    static PackageView summary(PackageEntity pkg, List<PackageHeadEntity> heads) {
        return new PackageView(pkg.appKey, pkg.packageId, pkg.name, pkg.description, pkg.type, pkg.vhost,
                pkg.highestVersion, pkg.status, platforms(heads), null, pkg.createdAt);
    }

    /** A package as the list shows it when narrowed to one platform: that platform's head speaks for it. */
    static PackageView summaryOnPlatform(PackageEntity pkg, PackageHeadEntity head, List<PackageHeadEntity> heads) {
        return new PackageView(pkg.appKey, pkg.packageId, pkg.name, pkg.description, pkg.type, pkg.vhost,
                head.version, head.state, platforms(heads), null, pkg.createdAt);
    }

    static PackageView detail(PackageEntity pkg, List<PackageHeadEntity> heads, List<VersionEntity> versions,
                              List<VersionDiffEntity> diffs) {
        Map<Long, List<VersionDiffEntity>> byVersion = diffs.stream()
                .collect(Collectors.groupingBy(d -> d.versionRef));
        List<PackageVersionView> views = versions.stream()
                .sorted(PLATFORM_THEN_HIGHEST_FIRST)
                .map(v -> version(pkg, v, byVersion.getOrDefault(v.id, List.of())))
                .toList();
        return new PackageView(pkg.appKey, pkg.packageId, pkg.name, pkg.description, pkg.type, pkg.vhost,
                pkg.highestVersion, pkg.status, platforms(heads), views, pkg.createdAt);
    }
}
