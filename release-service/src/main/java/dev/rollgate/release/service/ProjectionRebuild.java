package dev.rollgate.release.service;

import dev.rollgate.outbox.EventStore;
import dev.rollgate.release.persistence.Projector;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Rebuilds every view from the event store alone, in one transaction that locks the views: commands wait
 * for it, readers see the old rows until it commits, and it gives the same rows the commands wrote.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final int PAGE = 1_000;

    private final EventStore store;
    private final Projector projector;

    ProjectionRebuild(EventStore store, Projector projector) {
        this.store = store;
        this.projector = projector;
    }

    /** @return how many events were replayed */
    public Uni<Long> rebuild() {
        long started = System.nanoTime();
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("LOCK TABLE release_task_view, release_task_whitelist, whitelist_view, "
                                + "whitelist_member IN ACCESS EXCLUSIVE MODE").executeUpdate()
                        .chain(() -> projector.clear(session))
                        .chain(() -> replay(session, 0, 0))))
                .invoke(count -> LOG.infof("rebuilt the views from %d events in %d ms", count,
                        (System.nanoTime() - started) / 1_000_000));
    }

    private Uni<Long> replay(Mutiny.Session session, long afterPosition, long replayed) {
        return store.readAll(session, afterPosition, PAGE).chain(events -> events.isEmpty()
                ? Uni.createFrom().item(replayed)
                : projector.apply(session, events).call(session::flush).invoke(session::clear)
                .chain(() -> replay(session, events.getLast().globalPosition(), replayed + events.size())));
    }
}
