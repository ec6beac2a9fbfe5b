package dev.rollgate.gateway.resolve;

/** How an active task fared for one client: it took the client, or why not. Simulation reports it by name. */
public enum TaskOutcome {
    MATCHED,
    PAUSED,
    CLIENT_VERSION_OUT_OF_RANGE,
    RULE_FAILED,
    /** The client is in none of the task's whitelists, or the task names none. */
    NOT_IN_WHITELIST,
    /** The client holds no slot and got none (all taken, or Redis did not answer). */
    NO_SLOT,
    WINDOW_ENDED,
    /** A time-window task needs a userId or a deviceId to hold a slot by. */
    NO_IDENTITY,
    /** A higher task took the client first, so this one's audience was never asked. */
    NOT_REACHED
}
