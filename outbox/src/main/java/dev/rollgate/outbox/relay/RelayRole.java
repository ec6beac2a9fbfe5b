package dev.rollgate.outbox.relay;

public enum RelayRole {
    /** Not running. */
    STOPPED,
    /** Running without the lock: another instance relays; this one takes over when that one goes. */
    STANDBY,
    /** Holding the lock and publishing. */
    LEADER
}
