package dev.rollgate.gateway.audience;

/** Where a client stands with a time-window task's slots, as simulation reports it. */
public enum SlotState {
    /** The client already holds a slot. */
    HELD,
    /** The client holds none, and one is free for it. */
    FREE,
    /** Every slot is taken. */
    NONE_LEFT,
    /** The client sent neither userId nor deviceId. */
    NO_IDENTITY,
    /** The window's end time has passed. */
    ENDED,
    /** Redis did not answer: the client is treated as holding none. */
    UNKNOWN
}
