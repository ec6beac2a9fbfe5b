package dev.rollgate.packages.service;

import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.packages.domain.PackageSignature;
import dev.rollgate.packages.domain.VersionDraft;
import dev.rollgate.packages.domain.VersionOrder;
import dev.rollgate.packages.domain.VersionSpec;
import dev.rollgate.packages.persistence.PackageEntity;
import dev.rollgate.packages.persistence.PackageHeadEntity;
import dev.rollgate.packages.persistence.VersionDiffEntity;
import dev.rollgate.packages.persistence.VersionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class VersionService {

    private static final Logger LOG = Logger.getLogger(VersionService.class);

    private final CatalogLookup lookup;
    private final PackageHeads heads;
    private final AppSigningKeys signingKeys;
    private final Clock clock;

    VersionService(CatalogLookup lookup, PackageHeads heads, AppSigningKeys signingKeys, Clock clock) {
        this.lookup = lookup;
        this.heads = heads;
        this.signingKeys = signingKeys;
        this.clock = clock;
    }

    /** Registers a version with an external file: its URL, hash and size as given. */
    public Uni<PackageVersionView> register(String appKey, String packageId, VersionDraft draft) {
        return register(appKey, packageId, VersionSpec.from(draft), null);
    }

    /**
     * Registers a version in {@code TO_BE_RELEASED}, signed with the app's key; with {@code stored}, the
     * uploaded file and its diffs, which are already in the object store. The package row is locked for the
     * transaction, so two concurrent registrations on one package are checked against each other's result.
     */
    @WithTransaction
    public Uni<PackageVersionView> register(String appKey, String packageId, VersionSpec spec, StoredFile stored) {
        return lookup.pkgForUpdate(appKey, packageId).chain(pkg -> heads.of(pkg).chain(pkgHeads -> {
            VersionOrder.requireHigher(packageId, spec.platform(), spec.version(), highest(pkgHeads, spec));
            return signingKeys.keyFor(appKey).chain(key -> {
                VersionEntity version = newVersion(pkg, spec, stored);
                version.signature = PackageSignature.sign(key.privateKeyObject(), PackageSignature.message(
                        packageId, version.version, version.platform, version.sizeBytes, version.sha256,
                        version.contentSha256, version.mainUrl, version.fallbackBaseUrl));
                List<VersionDiffEntity> diffs = new ArrayList<>();
                return version.<VersionEntity>persist()
                        .call(() -> persistDiffs(version, stored, diffs))
                        .call(() -> heads.newHighest(pkg, spec.platform(), version.version, version.state))
                        .invoke(() -> LOG.infof("registered version %s of package %s on %s in app %s (%s, %d diffs)",
                                version.version, packageId, spec.platform(), appKey,
                                stored == null ? "external file" : "uploaded", diffs.size()))
                        .map(saved -> CatalogViews.version(pkg, saved, diffs));
            });
        }));
    }

    /** Refuses early, before an upload is stored, what {@link #register} would refuse for its version order. */
    @WithSession
    public Uni<Void> requireRegistrable(String appKey, String packageId, VersionSpec spec) {
        return lookup.pkg(appKey, packageId).chain(pkg -> heads.of(pkg)).invoke(pkgHeads ->
                VersionOrder.requireHigher(packageId, spec.platform(), spec.version(), highest(pkgHeads, spec)))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<PackageVersionView> detail(String appKey, String packageId, Version version, Platform platform) {
        return lookup.pkg(appKey, packageId).chain(pkg -> lookup.version(pkg, version, platform)
                .chain(found -> VersionDiffEntity.<VersionDiffEntity>list("versionRef", found.id)
                        .map(diffs -> CatalogViews.version(pkg, found, diffs))));
    }

    private static Version highest(List<PackageHeadEntity> pkgHeads, VersionSpec spec) {
        return pkgHeads.stream()
                .filter(h -> h.platform == spec.platform())
                .map(h -> Version.parse(h.version))
                .findFirst().orElse(null);
    }

    private static Uni<Void> persistDiffs(VersionEntity version, StoredFile stored, List<VersionDiffEntity> diffs) {
        if (stored == null || stored.diffs().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        for (StoredFile.StoredDiff diff : stored.diffs()) {
            VersionDiffEntity entity = new VersionDiffEntity();
            entity.versionRef = version.id;
            entity.fromVersion = diff.fromVersion();
            entity.objectKey = diff.objectKey();
            entity.downloadUrl = diff.downloadUrl();
            entity.sha256 = diff.sha256();
            entity.sizeBytes = diff.sizeBytes();
            diffs.add(entity);
        }
        return VersionDiffEntity.persist(diffs);
    }

    private VersionEntity newVersion(PackageEntity pkg, VersionSpec spec, StoredFile stored) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        VersionEntity version = new VersionEntity();
        version.packageRef = pkg.id;
        version.version = spec.version().toString();
        version.platform = spec.platform();
        version.state = VersionState.TO_BE_RELEASED;
        version.downloadUrl = spec.downloadUrl();
        version.sha256 = spec.sha256();
        version.sizeBytes = spec.sizeBytes();
        version.mainUrl = spec.mainUrl();
        version.fallbackBaseUrl = spec.fallbackBaseUrl();
        version.clientVersionMin = spec.clientVersionMin().toString();
        version.clientVersionMax = spec.clientVersionMax() == null ? null : spec.clientVersionMax().toString();
        if (stored != null) {
            version.objectKey = stored.objectKey();
            version.contentSha256 = stored.contentSha256();
        }
        version.createdAt = now;
        version.updatedAt = now;
        return version;
    }
}
