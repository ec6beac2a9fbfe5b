package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.TaskState;
import dev.rollgate.contracts.release.VersionArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseTaskTest {

    private static final VersionArtifact ARTIFACT = new VersionArtifact("https://cdn.example.com/1.0.zip",
            "ab".repeat(32), 1000, null, null, "10.0", null);

    private static ReleaseTask task(ReleaseType type, TaskState state) {
        ReleaseTask created = ReleaseTask.created(new ReleaseTaskCreated("t1", "20000001", "1.0", Platform.IOS, type,
                type == ReleaseType.GRAYSCALE ? GrayscaleSpec.whitelist(List.of("w1")) : null,
                type == ReleaseType.GRAYSCALE ? List.of(new AdvancedRule(RuleType.CITY, null, RuleOperator.IN,
                        List.of("Hangzhou"), false, false, null)) : List.of(), null, null, ARTIFACT));
        return switch (state) {
            case RELEASING -> created;
            case PAUSED -> created.apply(created.decide(TaskCommand.PAUSE));
            case CANCELLED -> created.apply(created.decide(TaskCommand.CANCEL));
            case FINISHED -> {
                ReleaseTask official = type == ReleaseType.OFFICIAL ? created
                        : created.apply(created.decide(TaskCommand.PROMOTE));
                yield official.apply(official.decide(TaskCommand.FINISH));
            }
        };
    }

    @ParameterizedTest(name = "{0} {1} task: {2} gives {3}")
    @CsvSource({
            "GRAYSCALE, RELEASING, PAUSE, PAUSED",
            "OFFICIAL, RELEASING, PAUSE, PAUSED",
            "GRAYSCALE, PAUSED, RESUME, RELEASING",
            "OFFICIAL, PAUSED, RESUME, RELEASING",
            "GRAYSCALE, RELEASING, PROMOTE, RELEASING",
            "GRAYSCALE, PAUSED, PROMOTE, RELEASING",
            "OFFICIAL, RELEASING, FINISH, FINISHED",
            "GRAYSCALE, RELEASING, CANCEL, CANCELLED",
            "GRAYSCALE, PAUSED, CANCEL, CANCELLED",
            "OFFICIAL, RELEASING, CANCEL, CANCELLED",
            "OFFICIAL, PAUSED, CANCEL, CANCELLED",
    })
    void allowedTransitionsMoveTheTask(ReleaseType type, TaskState from, TaskCommand command, TaskState to) {
        ReleaseTask before = task(type, from);
        EventData event = before.decide(command);
        ReleaseTask after = before.apply(event);
        assertThat(after.state()).isEqualTo(to);
        assertThat(after.streamVersion()).isEqualTo(before.streamVersion() + 1);
        assertThat(after.taskId()).isEqualTo(before.taskId());
    }

    @ParameterizedTest(name = "{0} {1} task refuses {2}")
    @CsvSource({
            "GRAYSCALE, PAUSED, PAUSE", "OFFICIAL, PAUSED, PAUSE",
            "GRAYSCALE, RELEASING, RESUME", "OFFICIAL, RELEASING, RESUME",
            "OFFICIAL, RELEASING, PROMOTE", "OFFICIAL, PAUSED, PROMOTE",
            "GRAYSCALE, RELEASING, FINISH", "GRAYSCALE, PAUSED, FINISH", "OFFICIAL, PAUSED, FINISH",
            "GRAYSCALE, CANCELLED, PAUSE", "GRAYSCALE, CANCELLED, RESUME", "GRAYSCALE, CANCELLED, PROMOTE",
            "GRAYSCALE, CANCELLED, FINISH", "GRAYSCALE, CANCELLED, CANCEL",
            "OFFICIAL, FINISHED, PAUSE", "OFFICIAL, FINISHED, RESUME", "OFFICIAL, FINISHED, PROMOTE",
            "OFFICIAL, FINISHED, FINISH", "OFFICIAL, FINISHED, CANCEL",
    })
    void refusedTransitionsNameTheCurrentState(ReleaseType type, TaskState from, TaskCommand command) {
        ReleaseTask task = task(type, from);
        assertThatThrownBy(() -> task.decide(command))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining(task.state().name())
                .hasMessageContaining(command.pathName());
    }

    @Test
    void aGrayscaleTaskIsPromotedOrCancelledNotFinished() {
        assertThatThrownBy(() -> task(ReleaseType.GRAYSCALE, TaskState.RELEASING).decide(TaskCommand.FINISH))
                .hasMessageContaining("promoted or cancelled");
    }

    @Test
    void aPromotedTaskIsOfficialAndDropsItsAudienceAndRules() {
        ReleaseTask grayscale = task(ReleaseType.GRAYSCALE, TaskState.PAUSED);
        ReleaseTask promoted = grayscale.apply(grayscale.decide(TaskCommand.PROMOTE));
        assertThat(promoted.releaseType()).isEqualTo(ReleaseType.OFFICIAL);
        assertThat(promoted.grayscale()).isNull();
        assertThat(promoted.rules()).isEmpty();
        assertThat(promoted.decide(TaskCommand.FINISH)).isInstanceOf(ReleaseTaskFinished.class);
    }

    @Test
    void eventsCarryTheTaskSoConsumersNeedNoState() {
        ReleaseTask task = task(ReleaseType.GRAYSCALE, TaskState.RELEASING);
        ReleaseTaskPromoted promoted = (ReleaseTaskPromoted) task.decide(TaskCommand.PROMOTE);
        assertThat(promoted.releaseType()).isEqualTo(ReleaseType.OFFICIAL);
        assertThat(promoted.packageId()).isEqualTo("20000001");
        assertThat(promoted.platform()).isEqualTo(Platform.IOS);
        assertThat(task.decide(TaskCommand.PAUSE)).isInstanceOf(ReleaseTaskPaused.class);
        assertThat(task.decide(TaskCommand.CANCEL)).isInstanceOf(ReleaseTaskCancelled.class);
    }

    @Test
    void aCommandOnAVersionTheOperatorDidNotSeeIsRefusedAndAPauseCarriesItsReason() {
        ReleaseTask task = task(ReleaseType.GRAYSCALE, TaskState.RELEASING);

        assertThatThrownBy(() -> task.decide(TaskCommand.PAUSE, task.streamVersion() + 1, null))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is at version " + task.streamVersion() + ", not " + (task.streamVersion() + 1));
        ReleaseTaskPaused paused = (ReleaseTaskPaused) task.decide(TaskCommand.PAUSE, task.streamVersion(), "3 of 9 failed");
        assertThat(paused.reason()).isEqualTo("3 of 9 failed");
        assertThat(task.decide(TaskCommand.CANCEL, null, "ignored")).isInstanceOf(ReleaseTaskCancelled.class);
    }

    @Test
    void foldingTheEventsGivesTheSameTaskAsApplyingThemOneByOne() {
        ReleaseTask created = task(ReleaseType.GRAYSCALE, TaskState.RELEASING);
        List<EventData> events = new ArrayList<>();
        events.add(new ReleaseTaskCreated("t1", "20000001", "1.0", Platform.IOS, ReleaseType.GRAYSCALE,
                created.grayscale(), created.rules(), null, null, ARTIFACT));
        ReleaseTask current = created;
        for (TaskCommand command : List.of(TaskCommand.PAUSE, TaskCommand.RESUME, TaskCommand.PROMOTE)) {
            EventData event = current.decide(command);
            events.add(event);
            current = current.apply(event);
        }
        assertThat(ReleaseTask.fold(events)).isEqualTo(current);
        assertThat(ReleaseTask.fold(List.of())).isNull();
        assertThat(current.apply(new ReleaseTaskResumed("t1", "20000001", "1.0", Platform.IOS, ReleaseType.OFFICIAL))
                .state()).isEqualTo(TaskState.RELEASING);
    }
}
