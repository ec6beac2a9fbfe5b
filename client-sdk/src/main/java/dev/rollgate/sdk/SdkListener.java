package dev.rollgate.sdk;

/** Told of every {@link SdkEvent}, on the SDK's threads: return quickly. */
public interface SdkListener {

    SdkListener NONE = event -> {
    };

    void onEvent(SdkEvent event);
}
