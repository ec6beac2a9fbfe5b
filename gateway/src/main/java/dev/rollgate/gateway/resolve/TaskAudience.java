package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;

import java.util.List;
import java.util.Objects;

/**
 * What a remembered audience answer is about: one task's audience as it stands. Compared by identity, so that
 * a request finds its answers without comparing strings. A segment's new revision compiled with its previous
 * one ({@link CompiledSegment#of(dev.rollgate.contracts.ruleset.Ruleset, java.util.Map)}) takes over the very
 * object of every task whose audience did not change, and with it what clients were told about it; any other
 * task gets a new one, about which nothing is known yet. It holds only what defines the audience, so that the
 * gateway can keep it for a segment it let go and give it back when the segment is loaded again.
 */
public final class TaskAudience {

    private final Definition definition;

    /** What the answers about an audience depend on; the same objects as the task's own while it is held. */
    private record Definition(String taskId, ReleaseType releaseType, GrayscaleSpec grayscale,
                              List<WhitelistRef> whitelists, Long audienceRevision) {

        static Definition of(ActiveRelease task) {
            return new Definition(task.taskId(), task.releaseType(), task.grayscale(), task.whitelists(),
                    task.audienceRevision());
        }
    }

    private TaskAudience(Definition definition) {
        this.definition = definition;
    }

    /** {@code next}'s audience: {@code previous}'s when the answers about it still hold, else a new one. */
    static TaskAudience of(ActiveRelease next, TaskAudience previous) {
        Definition after = Definition.of(next);
        return previous != null && carryOver(previous.definition, after) ? previous : new TaskAudience(after);
    }

    String taskId() {
        return definition.taskId();
    }

    /** About what it takes on the heap once the task it came from is gone: its definition's few small objects. */
    public int weight() {
        return 160 + 48 * (definition.whitelists() == null ? 0 : definition.whitelists().size());
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
        return carryOver(Definition.of(before), Definition.of(after));
    }

    private static boolean carryOver(Definition before, Definition after) {
        return after.audienceRevision() != null
                && after.audienceRevision().equals(before.audienceRevision())
                && after.releaseType() == ReleaseType.GRAYSCALE && before.releaseType() == ReleaseType.GRAYSCALE
                && after.taskId().equals(before.taskId())
                && Objects.equals(after.grayscale(), before.grayscale())
                && Objects.equals(after.whitelists(), before.whitelists());
    }

    @Override
    public String toString() {
        return "audience of " + definition.taskId();
    }
}
