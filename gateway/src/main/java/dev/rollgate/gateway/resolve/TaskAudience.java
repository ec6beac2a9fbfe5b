package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;

import java.util.Objects;

/**
 * What a remembered audience answer is about: one task's audience as it stands. Compared by identity, so that
 * a request finds its answers without comparing strings. A segment's new revision compiled with its previous
 * one ({@link CompiledSegment#of(dev.rollgate.contracts.ruleset.Ruleset, CompiledSegment)}) takes over the very
 * object of every task whose audience did not change, and with it what clients were told about it; any other
 * task gets a new one, about which nothing is known yet.
 */
public final class TaskAudience {

    private final String taskId;

    private TaskAudience(String taskId) {
        this.taskId = taskId;
    }

    /** {@code next}'s audience: {@code previous}'s when the answers about it still hold, else a new one. */
    static TaskAudience of(ActiveRelease next, CompiledRelease previous) {
        return previous != null && answersCarryOver(previous.release(), next) ? previous.audience()
                : new TaskAudience(next.taskId());
    }

    /**
     * Whether what Redis answered about a client and {@code before}'s audience is also the answer about
     * {@code after}'s: the same grayscale task, asking the same audience (mode, whitelists with their id types,
     * window end and slot count), with the same audience revision, which targeting-service moves whenever the
     * members of a whitelist the task names change. A slot once held stays held until the window ends, and a full
     * window never frees one, so a time window's answers hold as long as its definition does. Pausing, resuming
     * and rule changes leave the audience as it was: rules are evaluated on every request, not remembered. A task
     * without an audience revision (a ruleset written before it existed) carries nothing over.
     */
    public static boolean answersCarryOver(ActiveRelease before, ActiveRelease after) {
        return after.audienceRevision() != null
                && after.audienceRevision().equals(before.audienceRevision())
                && after.releaseType() == ReleaseType.GRAYSCALE && before.releaseType() == ReleaseType.GRAYSCALE
                && after.taskId().equals(before.taskId())
                && Objects.equals(after.grayscale(), before.grayscale())
                && Objects.equals(after.whitelists(), before.whitelists());
    }

    @Override
    public String toString() {
        return "audience of " + taskId;
    }
}
