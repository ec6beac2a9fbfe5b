package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TaskAudienceTest {

    private static final Instant END = Instant.parse("2026-12-01T12:00:00Z");
    private static final VersionArtifact ARTIFACT =
            new VersionArtifact("https://cdn.example/p.zip", "ab".repeat(32), 1024, null, null, "1.0", null);
    private static final WhitelistRef TESTERS = new WhitelistRef("wl-testers", IdType.USER_ID);

    private static ActiveRelease byWhitelist(String taskId, Long audienceRevision, WhitelistRef... whitelists) {
        return new ActiveRelease(taskId, "2.0.0", ReleaseType.GRAYSCALE, false,
                GrayscaleSpec.whitelist(java.util.Arrays.stream(whitelists).map(WhitelistRef::whitelistId).toList()),
                List.of(whitelists), List.of(), ARTIFACT, audienceRevision);
    }

    private static ActiveRelease byTimeWindow(String taskId, Instant end, long slots, Long audienceRevision) {
        return new ActiveRelease(taskId, "2.0.0", ReleaseType.GRAYSCALE, false, GrayscaleSpec.timeWindow(end, slots),
                List.of(), List.of(), ARTIFACT, audienceRevision);
    }

    private static ActiveRelease paused(ActiveRelease a) {
        return new ActiveRelease(a.taskId(), a.version(), a.releaseType(), true, a.grayscale(), a.whitelists(),
                a.rules(), a.artifact(), a.audienceRevision());
    }

    private static ActiveRelease withRules(ActiveRelease a, List<AdvancedRule> rules) {
        return new ActiveRelease(a.taskId(), a.version(), a.releaseType(), a.paused(), a.grayscale(), a.whitelists(),
                rules, a.artifact(), a.audienceRevision());
    }

    @Test
    void theSameTaskAtTheSameAudienceRevisionKeepsItsAnswers() {
        assertThat(TaskAudience.answersCarryOver(byWhitelist("t1", 12L, TESTERS), byWhitelist("t1", 12L, TESTERS)))
                .isTrue();
        assertThat(TaskAudience.answersCarryOver(byTimeWindow("t2", END, 100, 13L), byTimeWindow("t2", END, 100, 13L)))
                .isTrue();
    }

    @Test
    void aChangeToTheMembersOfAWhitelistTheTaskNamesDropsItsAnswers() {
        assertThat(TaskAudience.answersCarryOver(byWhitelist("t1", 12L, TESTERS), byWhitelist("t1", 40L, TESTERS)))
                .isFalse();
    }

    @Test
    void pausingResumingOrChangingRulesLeavesTheAudienceAsItWas() {
        ActiveRelease task = byWhitelist("t1", 12L, TESTERS);
        assertThat(TaskAudience.answersCarryOver(task, paused(task))).isTrue();
        assertThat(TaskAudience.answersCarryOver(paused(task), task)).isTrue();
        assertThat(TaskAudience.answersCarryOver(task, withRules(task, List.of(new AdvancedRule(RuleType.CITY, null,
                RuleOperator.IN, List.of("Hangzhou"), false, false, null))))).isTrue();
    }

    @Test
    void anotherAudienceOfTheSameTaskIsAskedAfresh() {
        assertThat(TaskAudience.answersCarryOver(byWhitelist("t1", 12L, TESTERS),
                byWhitelist("t1", 12L, TESTERS, new WhitelistRef("wl-lab", IdType.DEVICE_ID))))
                .as("another whitelist").isFalse();
        assertThat(TaskAudience.answersCarryOver(byWhitelist("t1", 12L, TESTERS),
                byWhitelist("t1", 12L, new WhitelistRef("wl-testers", IdType.DEVICE_ID))))
                .as("the whitelist's other id type").isFalse();
        assertThat(TaskAudience.answersCarryOver(byTimeWindow("t2", END, 100, 13L),
                byTimeWindow("t2", END.plusSeconds(60), 100, 13L))).as("another end").isFalse();
        assertThat(TaskAudience.answersCarryOver(byTimeWindow("t2", END, 100, 13L), byTimeWindow("t2", END, 200, 13L)))
                .as("more slots: a full window could take the client now").isFalse();
    }

    @Test
    void anotherTaskOrAPromotedOneKeepsNothing() {
        assertThat(TaskAudience.answersCarryOver(byWhitelist("t1", 12L, TESTERS), byWhitelist("t9", 12L, TESTERS)))
                .isFalse();
        ActiveRelease task = byWhitelist("t1", 12L, TESTERS);
        ActiveRelease promoted = new ActiveRelease("t1", "2.0.0", ReleaseType.OFFICIAL, false, null, List.of(),
                List.of(), ARTIFACT, 12L);
        assertThat(TaskAudience.answersCarryOver(task, promoted)).isFalse();
    }

    @Test
    void aRulesetWithoutAudienceRevisionsCarriesNothingOver() {
        assertThat(TaskAudience.answersCarryOver(byWhitelist("t1", null, TESTERS), byWhitelist("t1", null, TESTERS)))
                .isFalse();
        assertThat(TaskAudience.answersCarryOver(byWhitelist("t1", null, TESTERS), byWhitelist("t1", 12L, TESTERS)))
                .as("written before, then after the upgrade").isFalse();
        assertThat(TaskAudience.answersCarryOver(byWhitelist("t1", 12L, TESTERS), byWhitelist("t1", null, TESTERS)))
                .as("written by an older targeting-service again").isFalse();
    }

    private static CompiledSegment compiled(String app, long revision, CompiledSegment previous,
                                            ActiveRelease... tasks) {
        return CompiledSegment.of(new Ruleset(Ruleset.FORMAT_VERSION, app, Platform.ANDROID, revision,
                List.of(new PackageRules("00000001", List.of(), List.of(tasks)))),
                previous == null ? Map.of() : previous.audiences());
    }

    private static CompiledRelease task(CompiledSegment segment, String taskId) {
        return segment.packages().get(0).active().stream().filter(r -> r.release().taskId().equals(taskId))
                .findFirst().orElseThrow();
    }

    @Test
    void aNewRevisionCompiledWithThePreviousTakesOverTheAudiencesThatStand() {
        CompiledSegment before = compiled("shop", 20, null, byWhitelist("t1", 12L, TESTERS),
                byTimeWindow("t2", END, 100, 13L));
        CompiledSegment after = compiled("shop", 40, before, byWhitelist("t1", 40L, TESTERS),
                paused(byTimeWindow("t2", END, 100, 13L)), byWhitelist("t3", 35L, TESTERS));

        assertThat(task(after, "t2").audience()).isSameAs(task(before, "t2").audience());
        assertThat(task(after, "t1").audience()).isNotSameAs(task(before, "t1").audience());
        assertThat(after.holds(task(before, "t2").audience())).isTrue();
        assertThat(after.holds(task(before, "t1").audience())).as("the changed audience is stale").isFalse();
        assertThat(after.holds(task(after, "t3").audience())).isTrue();
        assertThat(before.holds(task(after, "t3").audience())).isFalse();
    }
}
