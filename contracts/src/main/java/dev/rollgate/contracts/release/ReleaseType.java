package dev.rollgate.contracts.release;

public enum ReleaseType {
    /** Served to a subset of clients: whitelisted ones, or the first N in a time window. */
    GRAYSCALE,
    /** Served to every client whose version fits. */
    OFFICIAL
}
