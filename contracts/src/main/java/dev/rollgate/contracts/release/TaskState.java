package dev.rollgate.contracts.release;

public enum TaskState {
    RELEASING,
    PAUSED,
    FINISHED,
    CANCELLED;

    /** An active task holds its package and platform: no second task may start there. */
    public boolean isActive() {
        return this == RELEASING || this == PAUSED;
    }
}
