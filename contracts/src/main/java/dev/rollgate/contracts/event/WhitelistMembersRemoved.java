package dev.rollgate.contracts.event;

import java.util.List;

/** Ids removed from a whitelist, at most {@link WhitelistChunks#MAX_IDS_PER_EVENT} per event. */
public record WhitelistMembersRemoved(String whitelistId, List<String> ids) implements EventData {

    public WhitelistMembersRemoved {
        EventFields.present(whitelistId, "whitelistId");
        EventFields.list(ids, "ids");
    }
}
