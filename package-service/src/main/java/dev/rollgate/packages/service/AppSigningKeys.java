package dev.rollgate.packages.service;

import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.packages.domain.SigningKey;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.packages.persistence.AppEntity;
import dev.rollgate.packages.persistence.VersionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Each app's Ed25519 key pair: made when first needed, or set by the team before its first version. */
@ApplicationScoped
public class AppSigningKeys {

    private static final Logger LOG = Logger.getLogger(AppSigningKeys.class);

    private final Clock clock;

    AppSigningKeys(Clock clock) {
        this.clock = clock;
    }

    /**
     * The app's key, made now when it has none (an app registered before signing existed). The app row is
     * locked for the caller's transaction, so two first versions cannot make two keys.
     */
    public Uni<SigningKey> keyFor(String appKey) {
        return lockedApp(appKey)
                .onItem().ifNull().failWith(() -> UnknownResourceException.app(appKey))
                .map(app -> {
                    if (app.signingPublicKey == null) {
                        set(app, SigningKey.generate());
                        LOG.infof("made a signing key for app %s", appKey);
                    }
                    return new SigningKey(app.signingPublicKey, app.signingPrivateKey);
                });
    }

    /** Gives a new app its key pair. */
    void give(AppEntity app) {
        set(app, SigningKey.generate());
    }

    @WithSession
    public Uni<AppEntity> publicKey(String appKey) {
        return AppEntity.<AppEntity>findById(appKey)
                .onItem().ifNull().failWith(() -> UnknownResourceException.app(appKey))
                .call(app -> app.signingPublicKey != null ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new ConflictException(
                                "app '" + appKey + "' has no signing key yet: it gets one with its first version")));
    }

    /**
     * Replaces the app's key with the team's own. Only while the app has no version: devices already trust the
     * key the earlier versions were signed with.
     */
    @WithTransaction
    public Uni<AppEntity> replace(String appKey, SigningKey key) {
        return lockedApp(appKey)
                .onItem().ifNull().failWith(() -> UnknownResourceException.app(appKey))
                .call(app -> VersionEntity.count("packageRef in (select p.id from PackageEntity p where p.appKey = ?1)",
                        appKey).chain(count -> count > 0
                        ? Uni.createFrom().failure(new ConflictException("app '" + appKey + "' has " + count
                        + " versions signed with its current key; a key can only be set before the first version"))
                        : Uni.createFrom().voidItem()))
                .invoke(app -> {
                    set(app, key);
                    LOG.infof("set the team's own signing key for app %s", appKey);
                });
    }

    /** By query, not findById with a lock: Hibernate's lock of an app already in the session names no column. */
    private static Uni<AppEntity> lockedApp(String appKey) {
        return AppEntity.<AppEntity>find("appKey", appKey).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private void set(AppEntity app, SigningKey key) {
        app.signingPublicKey = key.publicKey();
        app.signingPrivateKey = key.privateKey();
        app.signingKeySetAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
