package dev.rollgate.packages.service;

import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.packages.persistence.PackageEntity;
import dev.rollgate.packages.persistence.PackageHeadEntity;
import dev.rollgate.packages.persistence.VersionDiffEntity;
import dev.rollgate.packages.persistence.VersionEntity;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class PackageService {

    private static final Logger LOG = Logger.getLogger(PackageService.class);

    private final CatalogLookup lookup;
    private final PackageHeads heads;
    private final Clock clock;

    PackageService(CatalogLookup lookup, PackageHeads heads, Clock clock) {
        this.lookup = lookup;
        this.heads = heads;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PackageView> register(String appKey, PackageDraft draft) {
        return lookup.app(appKey)
                .chain(() -> PackageEntity.count("appKey = ?1 and packageId = ?2", appKey, draft.packageId()))
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().failure(new ConflictException(
                                "package " + draft.packageId() + " already exists in app '" + appKey + "'"));
                    }
                    PackageEntity pkg = new PackageEntity();
                    pkg.appKey = appKey;
                    pkg.packageId = draft.packageId();
                    pkg.name = draft.name();
                    pkg.description = draft.description();
                    pkg.type = draft.type();
                    pkg.vhost = draft.vhost();
                    pkg.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return pkg.<PackageEntity>persist();
                })
                .invoke(pkg -> LOG.infof("registered package %s in app %s", pkg.packageId, appKey))
                .map(pkg -> CatalogViews.summary(pkg, List.of()));
    }

    @WithSession
    public Uni<Page<PackageView>> list(String appKey, PackageQuery query) {
        return lookup.app(appKey).chain(() -> {
            PanacheQuery<PackageEntity> found = PackageEntity.find(listQuery(query), listParameters(appKey, query));
            return found.page(query.page(), query.size()).<PackageEntity>list()
                    .chain(pkgs -> heads.ofAll(pkgs.stream().map(p -> p.id).toList())
                            .map(allHeads -> views(pkgs, allHeads, query)))
                    .chain(items -> found.count().map(total -> new Page<>(items, total, query.page(), query.size())));
        });
    }

    @WithSession
    public Uni<PackageView> detail(String appKey, String packageId) {
        return lookup.pkg(appKey, packageId).chain(pkg -> heads.of(pkg)
                .chain(pkgHeads -> VersionEntity.<VersionEntity>list("packageRef", pkg.id)
                        .chain(versions -> diffsOf(versions)
                                .map(diffs -> CatalogViews.detail(pkg, pkgHeads, versions, diffs)))));
    }

    private static Uni<List<VersionDiffEntity>> diffsOf(List<VersionEntity> versions) {
        return versions.isEmpty() ? Uni.createFrom().item(List.of())
                : VersionDiffEntity.list("versionRef in ?1", versions.stream().map(v -> v.id).toList());
    }

    private static String listQuery(PackageQuery query) {
        StringBuilder hql = new StringBuilder("from PackageEntity p where p.appKey = :app");
        if (query.platform() != null) {
            hql.append(" and exists (from PackageHeadEntity h where h.packageRef = p.id and h.platform = :platform");
            hql.append(query.status() != null ? " and h.state = :status)" : ")");
        } else if (query.status() != null) {
            hql.append(" and p.status = :status");
        }
        if (query.text() != null) {
            hql.append(" and (lower(p.packageId) like :text escape '\\' or lower(p.name) like :text escape '\\')");
        }
        return hql.append(" order by p.packageId").toString();
    }

    private static Parameters listParameters(String appKey, PackageQuery query) {
        Parameters parameters = Parameters.with("app", appKey);
        if (query.platform() != null) {
            parameters.and("platform", query.platform());
        }
        if (query.status() != null) {
            parameters.and("status", query.status());
        }
        if (query.text() != null) {
            parameters.and("text", "%" + likeEscaped(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        return parameters;
    }

    /** The search text is matched literally: its own % and _ are not wildcards. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static List<PackageView> views(List<PackageEntity> pkgs, List<PackageHeadEntity> allHeads, PackageQuery query) {
        Map<Long, List<PackageHeadEntity>> byPackage = allHeads.stream()
                .collect(Collectors.groupingBy(h -> h.packageRef));
        return pkgs.stream().map(pkg -> {
            List<PackageHeadEntity> pkgHeads = byPackage.getOrDefault(pkg.id, List.of());
            if (query.platform() == null) {
                return CatalogViews.summary(pkg, pkgHeads);
            }
            Map<Object, PackageHeadEntity> byPlatform = pkgHeads.stream()
                    .collect(Collectors.toMap(h -> h.platform, Function.identity()));
            return CatalogViews.summaryOnPlatform(pkg, byPlatform.get(query.platform()), pkgHeads);
        }).toList();
    }
}
