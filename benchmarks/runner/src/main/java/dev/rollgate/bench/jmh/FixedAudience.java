package dev.rollgate.bench.jmh;

import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * An audience that answers at once, the same for every whitelist and slot: what the benchmarks use where the
 * gateway asks Redis, so that they measure the evaluator alone.
 */
public record FixedAudience(boolean admits) implements Audience {

    @Override
    public Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
        return Uni.createFrom().item(admits);
    }

    @Override
    public Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client) {
        return Uni.createFrom().item(admits);
    }
}
