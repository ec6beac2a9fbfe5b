package dev.rollgate.contracts.release;

/** How a comparison operator reads its values; absent means {@code VERSION}. */
public enum ValueType {
    /** Dotted numeric with an optional semver pre-release (see {@code Version}). */
    VERSION,
    /** Decimal numbers: {@code 1.5 > 1.25}. */
    NUMBER,
    /** RFC 3339 instants. */
    DATE
}
