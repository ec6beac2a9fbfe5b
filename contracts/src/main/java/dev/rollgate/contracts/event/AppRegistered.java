package dev.rollgate.contracts.event;

/** An app exists; the gateway can now tell it from an unknown appKey. Published by package-service. */
public record AppRegistered(String appKey, String name) implements EventData {

    public AppRegistered {
        EventFields.present(appKey, "appKey");
    }
}
