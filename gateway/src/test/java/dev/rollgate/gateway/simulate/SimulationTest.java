package dev.rollgate.gateway.simulate;

import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.audience.SlotState;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.simulate.SimulationAgreesWithResolverTest.InMemoryAudience;
import dev.rollgate.gateway.simulate.SimulationReport.PackageReport;
import dev.rollgate.gateway.simulate.SimulationReport.TaskReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SimulationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final WhitelistRef TESTERS = new WhitelistRef("wl-testers", IdType.USER_ID);
    private static final VersionArtifact ANY_CLIENT = new VersionArtifact("https://cdn.example/p.zip", "ab".repeat(32),
            1024, null, null, "1.0", null);

    private final InMemoryAudience audience = new InMemoryAudience();
    private final Simulation simulation = new Simulation(audience);

    private static ActiveRelease task(String taskId, String version, GrayscaleSpec spec) {
        return new ActiveRelease(taskId, version, spec == null ? ReleaseType.OFFICIAL : ReleaseType.GRAYSCALE, false,
                spec, spec != null && spec.whitelistIds() != null ? List.of(TESTERS) : List.of(), List.of(),
                ANY_CLIENT);
    }

    private static CompiledSegment segment(Instant windowEnd) {
        return CompiledSegment.of(new Ruleset(Ruleset.FORMAT_VERSION, "demo-app", Platform.ANDROID, 3, List.of(
                new PackageRules("00000001", List.of(new FinishedVersion("1.0.0", ANY_CLIENT)), List.of(
                        task("t-whitelist", "3.0.0", GrayscaleSpec.whitelist(List.of(TESTERS.whitelistId()))),
                        task("t-window", "2.0.0", GrayscaleSpec.timeWindow(windowEnd, 1)),
                        task("t-official", "1.5.0", null))))));
    }

    private PackageReport simulate(CompiledSegment segment, String userId) {
        ClientContext client = new ClientContext(Platform.ANDROID, Version.parse("10.2"), userId, null, null, null,
                null, null, Map.of(), Set.of(), NOW);
        return simulation.explain(segment, client).await().indefinitely().packages().getFirst();
    }

    @Test
    void eachTaskSaysHowItFaredOnTheResolversPathAndNoSlotIsClaimed() {
        PackageReport report = simulate(segment(NOW.plusSeconds(60)), "u9");

        assertThat(report.tasks()).extracting(TaskReport::taskId, TaskReport::outcome).containsExactly(
                tuple("t-whitelist", "NOT_IN_WHITELIST"), tuple("t-window", "MATCHED"),
                tuple("t-official", "NOT_REACHED"));
        assertThat(report.tasks().get(0).audience().whitelists()).singleElement()
                .satisfies(check -> assertThat(check.member()).isFalse());
        assertThat(report.tasks().get(1).audience().slot()).isEqualTo(SlotState.FREE);
        assertThat(report.tasks().get(2).audience()).isNull();
        assertThat(report.chosen().taskId()).isEqualTo("t-window");
        assertThat(report.reason()).isEqualTo("the highest matching task: GRAYSCALE task t-window");
        assertThat(audience.holders).isEmpty();
    }

    @Test
    void aTaskBelowTheOneChosenIsNotReachedAndItsAudienceNotLookedAt() {
        PackageReport report = simulate(segment(NOW.plusSeconds(60)), "u1");

        assertThat(report.tasks()).extracting(TaskReport::outcome)
                .containsExactly("MATCHED", "NOT_REACHED", "NOT_REACHED");
        assertThat(report.tasks().get(1).audience().slot()).isNull();
    }

    @Test
    void anEndedWindowIsPassedWithoutLookingAtItsSlots() {
        PackageReport report = simulate(segment(NOW), "u9");

        assertThat(report.tasks()).extracting(TaskReport::outcome)
                .containsExactly("NOT_IN_WHITELIST", "WINDOW_ENDED", "MATCHED");
        assertThat(report.tasks().get(1).audience().slot()).isEqualTo(SlotState.ENDED);
        assertThat(report.chosen().version()).isEqualTo("1.5.0");
        assertThat(report.baseline()).isEqualTo("1.0.0");
    }
}
