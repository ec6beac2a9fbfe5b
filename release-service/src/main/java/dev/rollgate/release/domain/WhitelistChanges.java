package dev.rollgate.release.domain;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.WhitelistChunks;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Member changes as events: at most {@link WhitelistChunks#MAX_IDS_PER_EVENT} ids each, in the given order. */
public final class WhitelistChanges {

    private WhitelistChanges() {
    }

    public static String streamId(String whitelistId) {
        return "whitelist-" + whitelistId;
    }

    public static List<EventData> added(String whitelistId, List<String> newIds) {
        return chunked(whitelistId, newIds, WhitelistMembersAdded::new);
    }

    public static List<EventData> removed(String whitelistId, List<String> formerIds) {
        return chunked(whitelistId, formerIds, WhitelistMembersRemoved::new);
    }

    private static List<EventData> chunked(String whitelistId, List<String> ids,
                                           BiFunction<String, List<String>, EventData> event) {
        List<EventData> events = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += WhitelistChunks.MAX_IDS_PER_EVENT) {
            int to = Math.min(ids.size(), from + WhitelistChunks.MAX_IDS_PER_EVENT);
            events.add(event.apply(whitelistId, List.copyOf(ids.subList(from, to))));
        }
        return events;
    }
}
