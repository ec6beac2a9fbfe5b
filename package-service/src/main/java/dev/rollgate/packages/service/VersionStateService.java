package dev.rollgate.packages.service;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.ReleaseTaskEvent;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.packages.domain.VersionStateChange;
import dev.rollgate.packages.persistence.AppliedStreamEntity;
import dev.rollgate.packages.persistence.PackageEntity;
import dev.rollgate.packages.persistence.PackageHeadEntity;
import dev.rollgate.packages.persistence.VersionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Moves version states as release events say, at most once per event: each stream's last applied
 * streamVersion is stored in the same transaction as the states, and anything at or below it is skipped.
 * A batch is read with a handful of queries whatever its size (the streams' rows, the packages, their
 * versions and heads), changed in memory in the events' order, and written in one transaction.
 */
@ApplicationScoped
public class VersionStateService {

    private static final Logger LOG = Logger.getLogger(VersionStateService.class);

    private final PackageHeads heads;
    private final Clock clock;

    VersionStateService(PackageHeads heads, Clock clock) {
        this.heads = heads;
        this.clock = clock;
    }

    /** An event and the state move it asks for. */
    public record StateEvent(EventEnvelope envelope, VersionStateChange change) {

        ReleaseTaskEvent task() {
            return change.task();
        }

        String packageKey() {
            return envelope.appKey() + "/" + task().packageId();
        }
    }

    /** What a batch reads before it changes anything. */
    private record Catalog(Map<String, PackageEntity> packages, Map<Long, List<VersionEntity>> versions,
                           Map<Long, List<PackageHeadEntity>> heads) {
    }

    /**
     * Applies the events in order, in one transaction. Fails as a whole; the caller then applies them one by
     * one to find a poison event.
     *
     * @return how many of them moved a version's state
     */
    @WithTransaction
    public Uni<Integer> applyAll(List<StateEvent> events) {
        Set<String> streams = events.stream().map(e -> e.envelope().streamId()).collect(Collectors.toSet());
        return AppliedStreamEntity.<AppliedStreamEntity>find("streamId in ?1", streams)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(applied -> {
                    Map<String, AppliedStreamEntity> rows = applied.stream()
                            .collect(Collectors.toMap(row -> row.streamId, row -> row));
                    List<StateEvent> fresh = unapplied(events, rows);
                    return catalogOf(fresh).map(catalog -> move(fresh, catalog))
                            .call(() -> remember(fresh, rows));
                });
    }

    /** The events past their stream's stored streamVersion (and past any earlier event of it in the batch). */
    private static List<StateEvent> unapplied(List<StateEvent> events, Map<String, AppliedStreamEntity> rows) {
        Map<String, Long> last = new HashMap<>();
        rows.forEach((stream, row) -> last.put(stream, row.streamVersion));
        List<StateEvent> fresh = new ArrayList<>();
        for (StateEvent event : events) {
            EventEnvelope envelope = event.envelope();
            if (envelope.streamVersion() <= last.getOrDefault(envelope.streamId(), 0L)) {
                LOG.debugf("skipping %s v%d of %s: already applied", envelope.type(), envelope.streamVersion(),
                        envelope.streamId());
                continue;
            }
            last.put(envelope.streamId(), envelope.streamVersion());
            fresh.add(event);
        }
        return fresh;
    }

    /**
     * Locks the packages' rows, as a version's registration does, before their heads are read: the head an
     * event writes back must be the one a concurrent registration left, not one read before it committed.
     */
    private static Uni<Catalog> catalogOf(List<StateEvent> events) {
        Map<String, Set<String>> packageIdsByApp = events.stream().collect(Collectors.groupingBy(
                e -> e.envelope().appKey(), LinkedHashMap::new, Collectors.mapping(e -> e.task().packageId(),
                        Collectors.toSet())));
        Map<String, PackageEntity> packages = new HashMap<>();
        Uni<Void> locked = Uni.createFrom().voidItem();
        for (Map.Entry<String, Set<String>> app : packageIdsByApp.entrySet()) {
            locked = locked.chain(() -> PackageEntity.<PackageEntity>find("appKey = ?1 and packageId in ?2 order by id",
                            app.getKey(), app.getValue())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .invoke(found -> found.forEach(pkg -> packages.put(pkg.appKey + "/" + pkg.packageId, pkg)))
                    .replaceWithVoid());
        }
        return locked.chain(() -> {
            List<Long> refs = packages.values().stream().map(pkg -> pkg.id).toList();
            if (refs.isEmpty()) {
                return Uni.createFrom().item(new Catalog(packages, Map.of(), Map.of()));
            }
            return VersionEntity.<VersionEntity>list("packageRef in ?1", refs)
                    .chain(versions -> PackageHeadEntity.<PackageHeadEntity>list("packageRef in ?1", refs)
                            .map(found -> new Catalog(packages,
                                    versions.stream().collect(Collectors.groupingBy(v -> v.packageRef)),
                                    found.stream().collect(Collectors.groupingBy(h -> h.packageRef)))));
        });
    }

    private int move(List<StateEvent> events, Catalog catalog) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int moved = 0;
        for (StateEvent event : events) {
            ReleaseTaskEvent task = event.task();
            PackageEntity pkg = catalog.packages().get(event.packageKey());
            Version wanted = Version.parse(task.version());
            VersionEntity version = pkg == null ? null : catalog.versions().getOrDefault(pkg.id, List.of()).stream()
                    .filter(v -> v.platform == task.platform() && Version.parse(v.version).equals(wanted))
                    .findFirst().orElse(null);
            if (version == null) {
                // Not ours to fix: release-service checked the version; keep the partition flowing.
                LOG.warnf("%s for unknown version %s of package %s on %s in app %s: skipped",
                        event.envelope().type(), task.version(), task.packageId(), task.platform(),
                        event.envelope().appKey());
                continue;
            }
            version.state = event.change().newState();
            version.updatedAt = now;
            heads.stateChanged(pkg, catalog.heads().getOrDefault(pkg.id, List.of()), version.platform,
                    version.version, version.state);
            LOG.infof("version %s of package %s on %s in app %s is now %s", version.version, pkg.packageId,
                    version.platform, pkg.appKey, version.state);
            moved++;
        }
        return moved;
    }

    /** Each stream's last applied streamVersion: the stored rows change in place, new streams get a row. */
    private static Uni<Void> remember(List<StateEvent> events, Map<String, AppliedStreamEntity> rows) {
        List<AppliedStreamEntity> created = new ArrayList<>();
        for (StateEvent event : events) {
            EventEnvelope envelope = event.envelope();
            AppliedStreamEntity row = rows.get(envelope.streamId());
            if (row == null) {
                row = new AppliedStreamEntity();
                row.streamId = envelope.streamId();
                rows.put(row.streamId, row);
                created.add(row);
            }
            row.streamVersion = envelope.streamVersion();
        }
        return created.isEmpty() ? Uni.createFrom().voidItem() : AppliedStreamEntity.persist(created);
    }
}
