package dev.rollgate.contracts.release;

public enum GrayscaleMode {
    WHITELIST,
    TIME_WINDOW
}
