package dev.rollgate.packages.service;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.outbox.Outbox;
import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.packages.persistence.AppEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AppService {

    private static final Logger LOG = Logger.getLogger(AppService.class);

    private final Outbox outbox;
    private final AppSigningKeys signingKeys;
    private final Clock clock;

    AppService(Outbox outbox, AppSigningKeys signingKeys, Clock clock) {
        this.outbox = outbox;
        this.signingKeys = signingKeys;
        this.clock = clock;
    }

    /**
     * Registers an app and, in the same transaction, queues {@code AppRegistered} for the topic: the app
     * exists for the gateway exactly when it exists here.
     */
    @WithTransaction
    public Uni<AppEntity> register(String appKey, String name, String actor) {
        return AppEntity.<AppEntity>findById(appKey).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictException("app '" + appKey + "' already exists"));
            }
            AppEntity app = new AppEntity();
            app.appKey = appKey;
            app.name = name;
            app.createdAt = now();
            signingKeys.give(app);
            EventEnvelope registered = EventJson.envelope(UUID.randomUUID(), appKey, "app-" + appKey, 1,
                    app.createdAt, actor, new AppRegistered(appKey, name));
            return app.<AppEntity>persist()
                    .call(() -> Panache.getSession().chain(session -> outbox.enqueue(session, List.of(registered))))
                    .invoke(() -> LOG.infof("registered app %s", appKey));
        });
    }

    @WithSession
    public Uni<List<AppEntity>> list() {
        return AppEntity.listAll(Sort.by("appKey"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
