package dev.rollgate.release.service;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.outbox.EventStore;
import dev.rollgate.outbox.PendingEvent;
import dev.rollgate.release.domain.ReleaseConflictException;
import dev.rollgate.release.domain.UnknownResourceException;
import dev.rollgate.release.domain.WhitelistChanges;
import dev.rollgate.release.persistence.Projector;
import dev.rollgate.release.persistence.WhitelistMembers;
import dev.rollgate.release.persistence.WhitelistView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whitelists are event-sourced like tasks. Their membership is read from the member projection, locked per
 * whitelist for the command, rather than folded from events: a whitelist may hold millions of ids.
 */
@ApplicationScoped
public class WhitelistService {

    private static final Logger LOG = Logger.getLogger(WhitelistService.class);

    private final PackageCatalog catalog;
    private final EventStore store;
    private final Projector projector;

    WhitelistService(PackageCatalog catalog, EventStore store, Projector projector) {
        this.catalog = catalog;
        this.store = store;
        this.projector = projector;
    }

    public Uni<WhitelistSummary> create(String appKey, String name, IdType idType, String actor) {
        String whitelistId = UUID.randomUUID().toString();
        return catalog.requireApp(appKey).chain(() -> Panache.withTransaction(() -> Panache.getSession().chain(session ->
                WhitelistView.count("appKey = ?1 and name = ?2 and deleted = false", appKey, name)
                        .chain(existing -> {
                            if (existing > 0) {
                                throw new ReleaseConflictException("app '" + appKey + "' already has a whitelist named '"
                                        + name + "'");
                            }
                            return append(session, appKey, whitelistId, 0,
                                    List.of(new WhitelistCreated(whitelistId, name, idType)), actor);
                        })
                        .chain(() -> session.find(WhitelistView.class, whitelistId)))))
                .invoke(view -> LOG.infof("created whitelist %s (%s) in app %s", whitelistId, idType, appKey))
                .map(WhitelistSummary::of);
    }

    @WithSession
    public Uni<List<WhitelistSummary>> list(String appKey) {
        return WhitelistView.<WhitelistView>list("appKey = ?1 and deleted = false order by name", appKey)
                .map(views -> views.stream().map(WhitelistSummary::of).toList());
    }

    @WithSession
    public Uni<WhitelistSummary> detail(String appKey, String whitelistId) {
        return WhitelistView.<WhitelistView>findById(whitelistId).map(view -> WhitelistSummary.of(live(view, appKey,
                whitelistId)));
    }

    /** @param ids checked and without duplicates */
    public Uni<MembershipChange> add(String appKey, String whitelistId, List<String> ids, String actor) {
        return change(appKey, whitelistId, actor, (session, view) -> WhitelistMembers.present(session, whitelistId, ids)
                .map(present -> {
                    Set<String> members = new HashSet<>(present);
                    return WhitelistChanges.added(whitelistId, ids.stream().filter(id -> !members.contains(id)).toList());
                }));
    }

    /** @param ids checked and without duplicates */
    public Uni<MembershipChange> remove(String appKey, String whitelistId, List<String> ids, String actor) {
        return change(appKey, whitelistId, actor, (session, view) -> WhitelistMembers.present(session, whitelistId, ids)
                .map(present -> WhitelistChanges.removed(whitelistId, ids.stream()
                        .filter(new HashSet<>(present)::contains).toList())));
    }

    @WithSession
    public Uni<MemberPage> members(String appKey, String whitelistId, String cursor, int size) {
        String after = cursor == null ? null : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        return WhitelistView.<WhitelistView>findById(whitelistId)
                .invoke(view -> live(view, appKey, whitelistId))
                .chain(() -> Panache.getSession())
                .chain(session -> WhitelistMembers.page(session, whitelistId, after, size + 1))
                .map(ids -> ids.size() <= size ? new MemberPage(ids, null)
                        : new MemberPage(ids.subList(0, size), Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(ids.get(size - 1).getBytes(StandardCharsets.UTF_8))));
    }

    public Uni<Void> delete(String appKey, String whitelistId, String actor) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> locked(appKey, whitelistId)
                .call(view -> session.createNativeQuery("SELECT t.task_id FROM release_task_whitelist w "
                                + "JOIN release_task_view t ON t.task_id = w.task_id WHERE w.whitelist_id = :whitelist "
                                + "AND t.state IN ('RELEASING', 'PAUSED') ORDER BY t.task_id", String.class)
                        .setParameter("whitelist", whitelistId).getResultList()
                        .invoke(tasks -> {
                            if (!tasks.isEmpty()) {
                                throw new ReleaseConflictException("whitelist " + whitelistId
                                        + " is used by active task(s) " + String.join(", ", tasks)
                                        + ": finish or cancel them first");
                            }
                        }))
                .chain(view -> append(session, appKey, whitelistId, view.streamVersion,
                        List.of(new WhitelistDeleted(whitelistId)), actor))))
                .invoke(() -> LOG.infof("deleted whitelist %s in app %s", whitelistId, appKey));
    }

    private interface Decision {
        Uni<List<EventData>> events(Mutiny.Session session, WhitelistView view);
    }

    private Uni<MembershipChange> change(String appKey, String whitelistId, String actor, Decision decision) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> locked(appKey, whitelistId)
                .chain(view -> decision.events(session, view).chain(events -> {
                    long before = view.memberCount;
                    return append(session, appKey, whitelistId, view.streamVersion, events, actor)
                            .map(ignored -> new MembershipChange(Math.abs(view.memberCount - before), view.memberCount));
                }))))
                .invoke(change -> LOG.infof("whitelist %s of app %s: %d ids changed, %d members", whitelistId, appKey,
                        change.changed(), change.total()));
    }

    /** The whitelist's view row, locked: member commands on one whitelist run one after another. */
    private static Uni<WhitelistView> locked(String appKey, String whitelistId) {
        return WhitelistView.<WhitelistView>find("whitelistId", whitelistId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(view -> live(view, appKey, whitelistId));
    }

    private static WhitelistView live(WhitelistView view, String appKey, String whitelistId) {
        if (view == null || view.deleted || !view.appKey.equals(appKey)) {
            throw new UnknownResourceException("whitelist " + whitelistId + " does not exist in app '" + appKey + "'");
        }
        return view;
    }

    private Uni<Void> append(Mutiny.Session session, String appKey, String whitelistId, long expectedVersion,
                             List<EventData> events, String actor) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<PendingEvent> pending = events.stream().map(event -> new PendingEvent(appKey, actor, event)).toList();
        return store.append(session, WhitelistChanges.streamId(whitelistId), expectedVersion, pending)
                .chain(recorded -> projector.apply(session, recorded));
    }
}
