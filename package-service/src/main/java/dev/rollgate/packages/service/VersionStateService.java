package dev.rollgate.packages.service;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.ReleaseTaskEvent;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.packages.domain.VersionStateChange;
import dev.rollgate.packages.persistence.AppliedStreamEntity;
import dev.rollgate.packages.persistence.PackageEntity;
import dev.rollgate.packages.persistence.VersionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Moves version states as release events say, at most once per event: the stream's last applied
 * streamVersion is stored in the same transaction as the state, and anything at or below it is skipped.
 */
@ApplicationScoped
public class VersionStateService {

    private static final Logger LOG = Logger.getLogger(VersionStateService.class);

    private final CatalogLookup lookup;
    private final PackageHeads heads;
    private final Clock clock;

    VersionStateService(CatalogLookup lookup, PackageHeads heads, Clock clock) {
        this.lookup = lookup;
        this.heads = heads;
        this.clock = clock;
    }

    /** An event and the state move it asks for. */
    public record StateEvent(EventEnvelope envelope, VersionStateChange change) {
    }

    /** @return whether the event changed anything (false for duplicates and for events that move no version) */
    @WithTransaction
    public Uni<Boolean> apply(EventEnvelope envelope, VersionStateChange change) {
        return applyInSession(envelope, change);
    }

    /**
     * Applies a batch of events in one transaction, in order: a burst of release events costs one commit, not
     * one per event. Each event is flushed before the next, so that a second event of the same stream in the
     * batch sees the first one's applied streamVersion. Fails as a whole; the caller then applies them one by
     * one to find a poison event.
     *
     * @return how many of them changed something
     */
    @WithTransaction
    public Uni<Integer> applyAll(List<StateEvent> events) {
        Uni<Integer> changed = Uni.createFrom().item(0);
        for (StateEvent event : events) {
            changed = changed.chain(count -> applyInSession(event.envelope(), event.change())
                    .call(() -> Panache.getSession().chain(Mutiny.Session::flush))
                    .map(moved -> moved ? count + 1 : count));
        }
        return changed;
    }

    private Uni<Boolean> applyInSession(EventEnvelope envelope, VersionStateChange change) {
        return AppliedStreamEntity.<AppliedStreamEntity>find("streamId", envelope.streamId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(applied -> {
                    if (applied != null && applied.streamVersion >= envelope.streamVersion()) {
                        LOG.debugf("skipping %s v%d of %s: already applied", envelope.type(),
                                envelope.streamVersion(), envelope.streamId());
                        return Uni.createFrom().item(false);
                    }
                    return move(envelope, change).call(() -> remember(applied, envelope));
                });
    }

    /**
     * Locks the package row, as a version's registration does: the head it writes back must be the one a
     * concurrent registration left, not the one read before it committed (which put a lower version back).
     */
    private Uni<Boolean> move(EventEnvelope envelope, VersionStateChange change) {
        ReleaseTaskEvent task = change.task();
        return PackageEntity.<PackageEntity>find("appKey = ?1 and packageId = ?2", envelope.appKey(), task.packageId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(pkg -> pkg == null ? Uni.createFrom().nullItem()
                        : lookup.versionOrNull(pkg, Version.parse(task.version()), task.platform())
                        .chain(version -> version == null ? Uni.createFrom().nullItem()
                                : setState(pkg, version, change)))
                .map(moved -> {
                    if (moved == null) {
                        // Not ours to fix: release-service checked the version; keep the partition flowing.
                        LOG.warnf("%s for unknown version %s of package %s on %s in app %s: skipped",
                                envelope.type(), task.version(), task.packageId(), task.platform(), envelope.appKey());
                        return false;
                    }
                    return true;
                });
    }

    private Uni<VersionEntity> setState(PackageEntity pkg, VersionEntity version, VersionStateChange change) {
        version.state = change.newState();
        version.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LOG.infof("version %s of package %s on %s in app %s is now %s", version.version, pkg.packageId,
                version.platform, pkg.appKey, change.newState());
        return heads.stateChanged(pkg, version.platform, version.version, change.newState()).replaceWith(version);
    }

    private Uni<AppliedStreamEntity> remember(AppliedStreamEntity applied, EventEnvelope envelope) {
        AppliedStreamEntity row = applied != null ? applied : new AppliedStreamEntity();
        row.streamId = envelope.streamId();
        row.streamVersion = envelope.streamVersion();
        return row.persist();
    }
}
