package dev.rollgate.contracts.event;

public record WhitelistDeleted(String whitelistId) implements EventData {

    public WhitelistDeleted {
        EventFields.present(whitelistId, "whitelistId");
    }
}
