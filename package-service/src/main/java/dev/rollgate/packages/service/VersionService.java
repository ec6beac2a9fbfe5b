package dev.rollgate.packages.service;

import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.packages.domain.VersionDraft;
import dev.rollgate.packages.domain.VersionOrder;
import dev.rollgate.packages.domain.VersionSpec;
import dev.rollgate.packages.persistence.PackageEntity;
import dev.rollgate.packages.persistence.PackageHeadEntity;
import dev.rollgate.packages.persistence.VersionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@ApplicationScoped
public class VersionService {

    private static final Logger LOG = Logger.getLogger(VersionService.class);

    private final CatalogLookup lookup;
    private final PackageHeads heads;
    private final Clock clock;

    VersionService(CatalogLookup lookup, PackageHeads heads, Clock clock) {
        this.lookup = lookup;
        this.heads = heads;
        this.clock = clock;
    }

    /**
     * Registers a version in {@code TO_BE_RELEASED}. The package row is locked for the transaction, so two
     * concurrent registrations on one package are checked against each other's result.
     */
    @WithTransaction
    public Uni<PackageVersionView> register(String appKey, String packageId, VersionDraft draft) {
        VersionSpec spec = VersionSpec.from(draft);
        return lookup.pkgForUpdate(appKey, packageId).chain(pkg -> heads.of(pkg).chain(pkgHeads -> {
            Version highest = pkgHeads.stream()
                    .filter(h -> h.platform == spec.platform())
                    .map(h -> Version.parse(h.version))
                    .findFirst().orElse(null);
            VersionOrder.requireHigher(packageId, spec.platform(), spec.version(), highest);
            VersionEntity version = newVersion(pkg, spec);
            return version.<VersionEntity>persist()
                    .call(() -> heads.newHighest(pkg, spec.platform(), version.version, version.state))
                    .invoke(() -> LOG.infof("registered version %s of package %s on %s in app %s",
                            version.version, packageId, spec.platform(), appKey))
                    .map(saved -> CatalogViews.version(pkg, saved));
        }));
    }

    @WithSession
    public Uni<PackageVersionView> detail(String appKey, String packageId, Version version, Platform platform) {
        return lookup.pkg(appKey, packageId).chain(pkg -> lookup.version(pkg, version, platform)
                .map(found -> CatalogViews.version(pkg, found)));
    }

    private VersionEntity newVersion(PackageEntity pkg, VersionSpec spec) {
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
        version.createdAt = now;
        version.updatedAt = now;
        return version;
    }
}
