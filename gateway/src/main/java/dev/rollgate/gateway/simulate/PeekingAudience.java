package dev.rollgate.gateway.simulate;

import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.audience.AudienceView;
import dev.rollgate.gateway.audience.SlotState;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The audience simulation resolves against, for one simulation: it reads whitelist membership, and admits a client
 * to a time-window task when a slot is held or free without claiming it, so that simulating takes nobody's slot.
 * It keeps what it read, for the report to show.
 */
final class PeekingAudience implements Audience {

    private final AudienceView view;
    /** By the whitelists asked about: tasks naming the same whitelists get the same answers. */
    private final Map<List<WhitelistRef>, List<Boolean>> memberships = new ConcurrentHashMap<>();
    private final Map<String, SlotState> slots = new ConcurrentHashMap<>();

    PeekingAudience(AudienceView view) {
        this.view = view;
    }

    @Override
    public Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
        return view.memberships(appKey, whitelists, client).invoke(members -> memberships.put(whitelists, members))
                .map(members -> members.stream().anyMatch(Boolean.TRUE::equals));
    }

    @Override
    public Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client) {
        return view.slotState(appKey, release, client).invoke(state -> slots.put(release.taskId(), state))
                .map(state -> state == SlotState.HELD || state == SlotState.FREE);
    }

    /** What was read of each of these whitelists, in order; null when they were not asked about or Redis failed. */
    List<Boolean> memberships(List<WhitelistRef> whitelists) {
        return memberships.get(whitelists);
    }

    /** What was read of the task's slots, or null when they were not looked at. */
    SlotState slot(String taskId) {
        return slots.get(taskId);
    }
}
