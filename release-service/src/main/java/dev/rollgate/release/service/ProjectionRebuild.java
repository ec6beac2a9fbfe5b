package dev.rollgate.release.service;

import dev.rollgate.outbox.EventStore;
import dev.rollgate.release.persistence.Projector;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds every view from the event store alone, beside the live views: the events are replayed into
 * tables of the same shape in a schema of their own, a few at a time, each batch its own short transaction,
 * while commands and readers go on with the live views and the outbox relay goes on publishing (a long
 * transaction would hold back every row committed after it began). Then, in one short transaction that
 * locks the views, the events appended meanwhile are replayed too and the rebuilt rows replace the live
 * ones. The rows come out the same as the commands wrote them.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final String SHADOW = "rollgate_rebuild";
    /** In the order their rows are copied back: a task before the whitelists it names. */
    private static final List<String> VIEWS = List.of("release_task_view", "release_task_whitelist",
            "whitelist_view", "whitelist_member");

    private final EventStore store;
    private final Projector projector;
    private final int eventsPerTransaction;

    ProjectionRebuild(EventStore store, Projector projector,
                      @ConfigProperty(name = "rollgate.projections.rebuild-events-per-transaction")
                      int eventsPerTransaction) {
        this.store = store;
        this.projector = projector;
        this.eventsPerTransaction = eventsPerTransaction;
    }

    private record Progress(long position, long replayed) {
    }

    /** @return how many events were replayed */
    public Uni<Long> rebuild() {
        long started = System.nanoTime();
        return Panache.withTransaction(() -> Panache.getSession().chain(ProjectionRebuild::prepareShadow))
                .chain(live -> replayInBatches(new Progress(0, 0))
                        .chain(progress -> Panache.withTransaction(() -> Panache.getSession()
                                .chain(session -> switchIn(session, live, progress)))))
                .invoke(count -> LOG.infof("rebuilt the views from %d events in %d ms", count,
                        (System.nanoTime() - started) / 1_000_000));
    }

    /** Empty tables shaped like the views, in the shadow schema; returns the schema of the live views. */
    private static Uni<String> prepareShadow(Mutiny.Session session) {
        return session.createNativeQuery("SELECT current_schema()", String.class).getSingleResult()
                .call(live -> {
                    List<String> ddl = new ArrayList<>(List.of("DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE",
                            "CREATE SCHEMA " + SHADOW));
                    for (String view : VIEWS) {
                        ddl.add("CREATE TABLE " + SHADOW + "." + view + " (LIKE " + live + "." + view
                                + " INCLUDING ALL)");
                    }
                    return inTurn(session, ddl);
                });
    }

    private Uni<Progress> replayInBatches(Progress progress) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> intoShadow(session)
                        .chain(() -> replayBatch(session, progress))))
                .chain(next -> next.replayed() == progress.replayed() ? Uni.createFrom().item(next)
                        : replayInBatches(next));
    }

    /** Unqualified table names resolve to the shadow tables for the rest of this transaction; events stay live. */
    private static Uni<Integer> intoShadow(Mutiny.Session session) {
        return session.createNativeQuery("SET LOCAL search_path TO " + SHADOW + ", public").executeUpdate();
    }

    private Uni<Progress> replayBatch(Mutiny.Session session, Progress progress) {
        return store.readAll(session, progress.position(), eventsPerTransaction).chain(events -> events.isEmpty()
                ? Uni.createFrom().item(progress)
                : projector.apply(session, events).call(session::flush).invoke(session::clear)
                .replaceWith(new Progress(events.getLast().globalPosition(), progress.replayed() + events.size())));
    }

    /**
     * The views locked, what was appended since the batches is replayed into the shadow tables, and their rows
     * replace the live ones; the shadow schema goes. Commands wait only for this transaction.
     */
    private Uni<Long> switchIn(Mutiny.Session session, String live, Progress progress) {
        String views = String.join(", ", VIEWS.stream().map(view -> live + "." + view).toList());
        List<String> copy = new ArrayList<>(List.of("TRUNCATE " + views));
        for (String view : VIEWS) {
            copy.add("INSERT INTO " + live + "." + view + " SELECT * FROM " + SHADOW + "." + view);
        }
        copy.add("DROP SCHEMA " + SHADOW + " CASCADE");
        return session.createNativeQuery("LOCK TABLE " + views + " IN ACCESS EXCLUSIVE MODE").executeUpdate()
                .chain(() -> intoShadow(session))
                .chain(() -> replayTail(session, progress))
                .call(() -> inTurn(session, copy))
                .map(Progress::replayed);
    }

    /** One statement at a time: a prepared statement holds only one. */
    private static Uni<Void> inTurn(Mutiny.Session session, List<String> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String statement : statements) {
            chain = chain.call(() -> session.createNativeQuery(statement).executeUpdate());
        }
        return chain;
    }

    private Uni<Progress> replayTail(Mutiny.Session session, Progress progress) {
        return replayBatch(session, progress).chain(next -> next.replayed() == progress.replayed()
                ? Uni.createFrom().item(next) : replayTail(session, next));
    }
}
