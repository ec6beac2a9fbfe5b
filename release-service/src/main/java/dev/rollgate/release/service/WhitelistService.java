package dev.rollgate.release.service;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.release.domain.WhitelistChanges;
import dev.rollgate.release.domain.WhitelistRules;
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
import java.util.List;
import java.util.UUID;

/**
 * Whitelists are event-sourced like tasks: load the state, let {@link WhitelistRules} decide, append. The
 * state is the whitelist's view row, locked for the command, and the members a command names, read from
 * the member projection rather than folded from events: a whitelist may hold millions of ids.
 */
@ApplicationScoped
public class WhitelistService {

    private static final Logger LOG = Logger.getLogger(WhitelistService.class);

    private final PackageCatalog catalog;
    private final StreamAppender appender;

    WhitelistService(PackageCatalog catalog, StreamAppender appender) {
        this.catalog = catalog;
        this.appender = appender;
    }

    public Uni<WhitelistSummary> create(String appKey, String name, IdType idType, String actor) {
        String whitelistId = UUID.randomUUID().toString();
        return catalog.requireApp(appKey).chain(() -> Panache.withTransaction(() -> Panache.getSession().chain(session ->
                WhitelistView.count("appKey = ?1 and name = ?2 and deleted = false", appKey, name)
                        .map(existing -> WhitelistRules.create(appKey, whitelistId, name, idType, existing > 0))
                        .chain(created -> append(session, appKey, whitelistId, 0, List.of(created), actor))
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
                .map(present -> WhitelistRules.add(whitelistId, ids, present)));
    }

    /** @param ids checked and without duplicates */
    public Uni<MembershipChange> remove(String appKey, String whitelistId, List<String> ids, String actor) {
        return change(appKey, whitelistId, actor, (session, view) -> WhitelistMembers.present(session, whitelistId, ids)
                .map(present -> WhitelistRules.remove(whitelistId, ids, present)));
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
                .chain(view -> session.createNativeQuery("SELECT t.task_id FROM release_task_whitelist w "
                                + "JOIN release_task_view t ON t.task_id = w.task_id WHERE w.whitelist_id = :whitelist "
                                + "AND t.state IN ('RELEASING', 'PAUSED') ORDER BY t.task_id", String.class)
                        .setParameter("whitelist", whitelistId).getResultList()
                        .map(activeTasks -> WhitelistRules.delete(whitelistId, activeTasks))
                        .chain(deleted -> append(session, appKey, whitelistId, view.streamVersion, List.of(deleted),
                                actor)))))
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
                             List<? extends EventData> events, String actor) {
        return appender.append(session, appKey, WhitelistChanges.streamId(whitelistId), expectedVersion, events, actor);
    }
}
