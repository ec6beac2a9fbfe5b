package dev.rollgate.contracts.release;

/** The state of a package version; package-service owns it and release events move it. */
public enum VersionState {
    TO_BE_RELEASED,
    GRAYSCALE_RELEASING,
    OFFICIAL_RELEASING,
    FINISHED_RELEASE,
    PAUSED,
    CANCELLED
}
