package dev.rollgate.contracts.release;

/** The client attribute an advanced rule reads; {@code CUSTOM} names its attribute. */
public enum RuleType {
    CITY,
    MODEL,
    NETWORK,
    OS_VERSION,
    CUSTOM
}
