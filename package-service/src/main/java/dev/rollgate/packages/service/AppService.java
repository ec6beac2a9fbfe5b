package dev.rollgate.packages.service;

import dev.rollgate.packages.domain.CatalogConflictException;
import dev.rollgate.packages.persistence.AppEntity;
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

@ApplicationScoped
public class AppService {

    private static final Logger LOG = Logger.getLogger(AppService.class);

    private final Clock clock;

    AppService(Clock clock) {
        this.clock = clock;
    }

    /** Registers an app; the whole registration is one transaction. */
    @WithTransaction
    public Uni<AppEntity> register(String appKey, String name) {
        return AppEntity.<AppEntity>findById(appKey).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new CatalogConflictException("app '" + appKey + "' already exists"));
            }
            AppEntity app = new AppEntity();
            app.appKey = appKey;
            app.name = name;
            app.createdAt = now();
            return app.<AppEntity>persist().invoke(() -> LOG.infof("registered app %s", appKey));
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
