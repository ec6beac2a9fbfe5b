package dev.rollgate.gateway.audience;

import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.resolve.ClientContext;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** What can be read of who a task reaches without changing it: simulation's view, which never claims a slot. */
public interface AudienceView {

    /**
     * Per whitelist, in order: whether the client's id of the whitelist's type is a member, or null when the
     * client did not send that id.
     */
    Uni<List<Boolean>> memberships(String appKey, List<WhitelistRef> whitelists, ClientContext client);

    /** What a slot claim would find, without claiming anything; UNKNOWN when it cannot tell. */
    Uni<SlotState> slotState(String appKey, ActiveRelease release, ClientContext client);
}
