package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Who a grayscale task reaches beyond its rules, which only Redis knows. Both answer false, never fail,
 * when Redis cannot tell: whitelist and time-window releases fail closed and the client gets the baseline.
 */
public interface Audience {

    /** The client's userId or deviceId (by each whitelist's id type) is a member of one of the whitelists. */
    Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client);

    /**
     * {@link #isMember} for several tasks at once, in order: a Redis implementation asks them all in one round
     * trip, which is what a client whose segment has several whitelist releases costs.
     */
    default Uni<List<Boolean>> areMembers(String appKey, List<List<WhitelistRef>> whitelists, ClientContext client) {
        List<Uni<Boolean>> each = whitelists.stream().map(w -> isMember(appKey, w, client)).toList();
        return each.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(each).andFailFast();
    }

    /** The client holds, or has just claimed, one of the time-window task's slots. */
    Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client);
}
