package dev.rollgate.release.domain;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.contracts.release.IdType;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What may happen to a whitelist, decided from facts passed in as data. Membership is not folded from events
 * (a whitelist may hold millions of ids): the members a command names that are present now are the fact.
 */
public final class WhitelistRules {

    private WhitelistRules() {
    }

    public static WhitelistCreated create(String appKey, String whitelistId, String name, IdType idType,
                                          boolean nameTaken) {
        if (nameTaken) {
            throw new ConflictException("app '" + appKey + "' already has a whitelist named '" + name + "'");
        }
        return new WhitelistCreated(whitelistId, name, idType);
    }

    /** @param activeTasks the RELEASING or PAUSED tasks that release to the whitelist */
    public static WhitelistDeleted delete(String whitelistId, List<String> activeTasks) {
        if (!activeTasks.isEmpty()) {
            throw new ConflictException("whitelist " + whitelistId + " is used by active task(s) "
                    + String.join(", ", activeTasks) + ": finish or cancel them first");
        }
        return new WhitelistDeleted(whitelistId);
    }

    /** The ids that are not members yet, in the order given; nothing when all are. */
    public static List<EventData> add(String whitelistId, List<String> ids, Collection<String> present) {
        Set<String> members = new HashSet<>(present);
        return WhitelistChanges.added(whitelistId, ids.stream().filter(id -> !members.contains(id)).toList());
    }

    /** The ids that are members now, in the order given; nothing when none is. */
    public static List<EventData> remove(String whitelistId, List<String> ids, Collection<String> present) {
        Set<String> members = new HashSet<>(present);
        return WhitelistChanges.removed(whitelistId, ids.stream().filter(members::contains).toList());
    }
}
