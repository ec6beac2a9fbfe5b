package dev.rollgate.gateway.client;

import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * One request's view of the audience that notes whether any question failed: the resolver then fails the task
 * closed, an answer worth giving now and not worth remembering ({@link RememberedAnswers}).
 */
final class WitnessedAudience implements Audience {

    private final Audience audience;
    private volatile boolean failed;

    WitnessedAudience(Audience audience) {
        this.audience = audience;
    }

    boolean failed() {
        return failed;
    }

    @Override
    public Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
        return audience.isMember(appKey, whitelists, client).onFailure().invoke(e -> failed = true);
    }

    @Override
    public Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client) {
        return audience.holdsSlot(appKey, release, client).onFailure().invoke(e -> failed = true);
    }

    @Override
    public Uni<List<Boolean>> admit(String appKey, List<ActiveRelease> tasks, ClientContext client) {
        return audience.admit(appKey, tasks, client).onFailure().invoke(e -> failed = true);
    }
}
