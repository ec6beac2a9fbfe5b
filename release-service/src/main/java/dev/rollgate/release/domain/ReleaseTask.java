package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.TaskState;
import dev.rollgate.contracts.release.VersionArtifact;

import java.util.List;

/**
 * The release-task aggregate: folded from its events with {@link #apply}, asked to {@link #decide} a
 * command. Transitions (architecture.md): pause RELEASING→PAUSED; resume PAUSED→RELEASING; promote a
 * grayscale task (releasing or paused) to an official RELEASING one; finish an official RELEASING task;
 * cancel a RELEASING or PAUSED one. FINISHED and CANCELLED are final.
 *
 * @param streamVersion how many events the task's stream holds
 */
public record ReleaseTask(
        String taskId,
        String packageId,
        String version,
        Platform platform,
        ReleaseType releaseType,
        TaskState state,
        GrayscaleSpec grayscale,
        List<AdvancedRule> rules,
        String description,
        String batchId,
        VersionArtifact artifact,
        long streamVersion) {

    public static String streamId(String taskId) {
        return "release-task-" + taskId;
    }

    public static ReleaseTask created(ReleaseTaskCreated event) {
        return new ReleaseTask(event.taskId(), event.packageId(), event.version(), event.platform(),
                event.releaseType(), TaskState.RELEASING, event.grayscale(),
                event.rules() == null ? List.of() : List.copyOf(event.rules()), event.description(), event.batchId(),
                event.artifact(), 1);
    }

    /** The task after its events, oldest first; null for a stream without events. */
    public static ReleaseTask fold(List<EventData> events) {
        ReleaseTask task = null;
        for (EventData event : events) {
            task = task == null ? created((ReleaseTaskCreated) event) : task.apply(event);
        }
        return task;
    }

    public ReleaseTask apply(EventData event) {
        return switch (event) {
            case ReleaseTaskPaused paused -> moved(releaseType, TaskState.PAUSED);
            case ReleaseTaskResumed resumed -> moved(releaseType, TaskState.RELEASING);
            case ReleaseTaskPromoted promoted -> new ReleaseTask(taskId, packageId, version, platform,
                    ReleaseType.OFFICIAL, TaskState.RELEASING, null, List.of(), description, batchId, artifact,
                    streamVersion + 1);
            case ReleaseTaskFinished finished -> moved(releaseType, TaskState.FINISHED);
            case ReleaseTaskCancelled cancelled -> moved(releaseType, TaskState.CANCELLED);
            case ReleaseTaskCreated created -> throw notAfterCreation(created);
            case AppRegistered registered -> throw notAfterCreation(registered);
            case WhitelistCreated whitelist -> throw notAfterCreation(whitelist);
            case WhitelistMembersAdded added -> throw notAfterCreation(added);
            case WhitelistMembersRemoved removed -> throw notAfterCreation(removed);
            case WhitelistDeleted deleted -> throw notAfterCreation(deleted);
        };
    }

    private static IllegalArgumentException notAfterCreation(EventData event) {
        return new IllegalArgumentException(event.getClass().getSimpleName() + " is not an event of a created task");
    }

    /**
     * @param expectedVersion the version the operator saw (If-Match), or null to act on the current one
     * @param reason          why a pause happens (the safeguard's figures), or null
     * @throws ConflictException when the task moved on since, or the command is not allowed from its state
     */
    public EventData decide(TaskCommand command, Long expectedVersion, String reason) {
        if (expectedVersion != null && expectedVersion != streamVersion) {
            throw new ConflictException("task " + taskId + " is at version " + streamVersion + ", not "
                    + expectedVersion + " as If-Match says");
        }
        EventData decided = decide(command);
        return reason != null && decided instanceof ReleaseTaskPaused paused ? paused.withReason(reason) : decided;
    }

    /** @throws ConflictException when the command is not allowed from the current state */
    public EventData decide(TaskCommand command) {
        return switch (command) {
            case PAUSE -> {
                require(command, state == TaskState.RELEASING, "a RELEASING task");
                yield new ReleaseTaskPaused(taskId, packageId, version, platform, releaseType);
            }
            case RESUME -> {
                require(command, state == TaskState.PAUSED, "a PAUSED task");
                yield new ReleaseTaskResumed(taskId, packageId, version, platform, releaseType);
            }
            case PROMOTE -> {
                require(command, releaseType == ReleaseType.GRAYSCALE && state.isActive(),
                        "a GRAYSCALE task that is RELEASING or PAUSED");
                yield new ReleaseTaskPromoted(taskId, packageId, version, platform, ReleaseType.OFFICIAL);
            }
            case FINISH -> {
                require(command, releaseType == ReleaseType.OFFICIAL && state == TaskState.RELEASING,
                        releaseType == ReleaseType.GRAYSCALE
                                ? "an OFFICIAL task (a grayscale task is promoted or cancelled, not finished)"
                                : "an OFFICIAL task that is RELEASING");
                yield new ReleaseTaskFinished(taskId, packageId, version, platform, releaseType);
            }
            case CANCEL -> {
                require(command, state.isActive(), "a RELEASING or PAUSED task");
                yield new ReleaseTaskCancelled(taskId, packageId, version, platform, releaseType);
            }
        };
    }

    private ReleaseTask moved(ReleaseType type, TaskState next) {
        return new ReleaseTask(taskId, packageId, version, platform, type, next, grayscale, rules, description,
                batchId, artifact, streamVersion + 1);
    }

    private void require(TaskCommand command, boolean allowed, String needs) {
        if (!allowed) {
            throw new ConflictException("task " + taskId + " is " + releaseType + " and " + state + ": "
                    + command.pathName() + " needs " + needs);
        }
    }
}
