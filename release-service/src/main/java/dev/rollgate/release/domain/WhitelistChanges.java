package dev.rollgate.release.domain;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.WhitelistChunks;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Member changes as events, in the given order: each at most {@link WhitelistChunks#MAX_IDS_PER_EVENT} ids
 * and {@link WhitelistChunks#MAX_ID_BYTES_PER_EVENT} bytes of them, so that no upload makes an event the
 * broker refuses.
 */
public final class WhitelistChanges {

    /** What JSON adds to each id in the event: its quotes and a comma, with room for escapes. */
    private static final int JSON_OVERHEAD_PER_ID = 8;

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
        int from = 0;
        int bytes = 0;
        for (int i = 0; i < ids.size(); i++) {
            int idBytes = ids.get(i).getBytes(StandardCharsets.UTF_8).length + JSON_OVERHEAD_PER_ID;
            if (i > from && (i - from == WhitelistChunks.MAX_IDS_PER_EVENT
                    || bytes + idBytes > WhitelistChunks.MAX_ID_BYTES_PER_EVENT)) {
                events.add(event.apply(whitelistId, List.copyOf(ids.subList(from, i))));
                from = i;
                bytes = 0;
            }
            bytes += idBytes;
        }
        if (from < ids.size()) {
            events.add(event.apply(whitelistId, List.copyOf(ids.subList(from, ids.size()))));
        }
        return events;
    }
}
