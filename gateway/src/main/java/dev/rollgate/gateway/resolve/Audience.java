package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import io.smallrye.mutiny.Uni;

import java.util.List;

/**
 * Who a grayscale task reaches beyond its rules, which only Redis knows. When Redis cannot tell, the answer
 * fails: the {@link Resolver} then fails the task closed (the client gets what it would get without it) and,
 * unlike a real answer, does not remember it.
 */
public interface Audience {

    /** The client's userId or deviceId (by each whitelist's id type) is a member of one of the whitelists. */
    Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client);

    /** The client holds, or has just claimed, one of the time-window task's slots. */
    Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client);

    /**
     * For each task, in order, whether it admits the client: {@link #isMember} for a whitelist task,
     * {@link #holdsSlot} for a time-window one. A Redis implementation asks them all in one round trip, which
     * is what a client whose segment has several grayscale releases costs.
     */
    default Uni<List<Boolean>> admit(String appKey, List<ActiveRelease> tasks, ClientContext client) {
        List<Uni<Boolean>> each = tasks.stream().map(task -> task.grayscale().mode() == GrayscaleMode.WHITELIST
                ? isMember(appKey, task.whitelists(), client)
                : holdsSlot(appKey, task, client)).toList();
        return each.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(each).andFailFast();
    }
}
