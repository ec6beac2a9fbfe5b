package dev.rollgate.contracts.event;

import dev.rollgate.contracts.release.IdType;

public record WhitelistCreated(String whitelistId, String name, IdType idType) implements EventData {

    public WhitelistCreated {
        EventFields.present(whitelistId, "whitelistId");
        EventFields.present(idType, "idType");
    }
}
