package dev.rollgate.contracts.release;

/** The mobile platform a package version is built for; with an appKey it names a segment. */
public enum Platform {
    ANDROID,
    IOS
}
