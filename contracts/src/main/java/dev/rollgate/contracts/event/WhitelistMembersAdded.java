package dev.rollgate.contracts.event;

import java.util.List;

/** Ids newly added to a whitelist, at most {@link WhitelistChunks#MAX_IDS_PER_EVENT} per event. */
public record WhitelistMembersAdded(String whitelistId, List<String> ids) implements EventData {

    public WhitelistMembersAdded {
        EventFields.present(whitelistId, "whitelistId");
        EventFields.list(ids, "ids");
    }
}
