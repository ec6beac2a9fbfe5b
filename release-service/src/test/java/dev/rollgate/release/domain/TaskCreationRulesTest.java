package dev.rollgate.release.domain;

import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.catalog.PlatformSummary;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskCreationRulesTest {

    private static final ReleasePlan OFFICIAL = new ReleasePlan(ReleaseType.OFFICIAL, null, List.of(), "all");
    private static final ReleasePlan TO_BETA = new ReleasePlan(ReleaseType.GRAYSCALE,
            GrayscaleSpec.whitelist(List.of("wl-1")), List.of(), "beta");

    @ParameterizedTest
    @EnumSource(value = VersionState.class, names = {"TO_BE_RELEASED", "CANCELLED"})
    void aVersionNotReleasedYetOrCancelledIsReleased(VersionState state) {
        ReleaseTaskCreated created = TaskCreationRules.single("shop", TO_BETA,
                new CreationFacts(version("20000001", "1.2.0", state), Set.of(), null, null), "task-1");

        assertThat(created.taskId()).isEqualTo("task-1");
        assertThat(created.packageId()).isEqualTo("20000001");
        assertThat(created.version()).isEqualTo("1.2.0");
        assertThat(created.releaseType()).isEqualTo(ReleaseType.GRAYSCALE);
        assertThat(created.grayscale()).isEqualTo(TO_BETA.grayscale());
        assertThat(created.artifact().downloadUrl()).isEqualTo("https://cdn.example.com/20000001/1.2.0.zip");
        assertThat(created.batchId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = VersionState.class, names = {"TO_BE_RELEASED", "CANCELLED"}, mode = EnumSource.Mode.EXCLUDE)
    void aVersionInAnyOtherStateIsRefusedBeforeAnythingElse(VersionState state) {
        CreationFacts facts = new CreationFacts(version("20000001", "1.2.0", state), Set.of("wl-1"), "other", null);

        assertThatThrownBy(() -> TaskCreationRules.single("shop", TO_BETA, facts, "task-1"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("is " + state + ": a task releases a version that is TO_BE_RELEASED or CANCELLED");
    }

    @Test
    void aMissingWhitelistIsNamed() {
        CreationFacts facts = new CreationFacts(version("20000001", "1.2.0", VersionState.TO_BE_RELEASED),
                Set.of("wl-2", "wl-1"), null, null);

        assertThatThrownBy(() -> TaskCreationRules.single("shop", TO_BETA, facts, "task-1"))
                .isInstanceOf(UnknownResourceException.class)
                .hasMessage("whitelist(s) wl-1, wl-2 do not exist in app 'shop'");
    }

    @Test
    void aPackageWithAnActiveTaskOnThePlatformIsRefused() {
        CreationFacts facts = new CreationFacts(version("20000001", "1.2.0", VersionState.TO_BE_RELEASED),
                Set.of(), "task-0", null);

        assertThatThrownBy(() -> TaskCreationRules.single("shop", OFFICIAL, facts, "task-1"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already has an active task task-0 on ANDROID");
    }

    @Test
    void aVersionReleasedToTheEndIsNotReleasedAgainSingly() {
        CreationFacts facts = new CreationFacts(version("20000001", "1.2.0", VersionState.CANCELLED),
                Set.of(), null, "task-0");

        assertThatThrownBy(() -> TaskCreationRules.single("shop", OFFICIAL, facts, "task-1"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("was released by task task-0, which is FINISHED");
    }

    @Test
    void aBatchReleasesEachPackagesHighestVersionWithOneBatchId() {
        Iterator<String> ids = List.of("t-1", "t-2").iterator();
        List<ReleaseTaskCreated> created = TaskCreationRules.batch("shop", List.of("20000001", "20000002"),
                Platform.ANDROID, OFFICIAL, new BatchFacts(List.of(
                        pkg("20000001", VersionState.TO_BE_RELEASED, "1.0", "1.1"),
                        pkg("20000002", VersionState.FINISHED_RELEASE, "2.0")), Map.of(), Set.of()),
                "batch-1", ids::next);

        assertThat(created).extracting(ReleaseTaskCreated::taskId).containsExactly("t-1", "t-2");
        assertThat(created).extracting(ReleaseTaskCreated::version).containsExactly("1.1", "2.0");
        assertThat(created).extracting(ReleaseTaskCreated::batchId).containsOnly("batch-1");
    }

    @Test
    void aBatchIsRefusedWholeListingEveryReasonAndCountingPackages() {
        BatchFacts facts = new BatchFacts(List.of(
                pkg("20000001", VersionState.OFFICIAL_RELEASING, "1.0"),
                Optional.empty(),
                pkg("20000003", VersionState.TO_BE_RELEASED, "3.0")),
                Map.of("20000001", "task-9"), Set.of());

        assertThatThrownBy(() -> TaskCreationRules.batch("shop", List.of("20000001", "20000002", "20000003"),
                Platform.ANDROID, OFFICIAL, facts, "batch-1", () -> "t"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e).hasMessage("2 of 3 packages cannot be released; no task was created");
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("packageIds[0]", "packageIds[0]", "packageIds[1]");
                    assertThat(e.errors().get(0).message()).contains("highest version 1.0 on ANDROID is OFFICIAL_RELEASING");
                    assertThat(e.errors().get(1).message()).contains("already has an active task task-9");
                    assertThat(e.errors().get(2).message()).isEqualTo("package 20000002 does not exist");
                });
    }

    @Test
    void aBatchForAPlatformAPackageHasNoVersionOnIsRefused() {
        BatchFacts facts = new BatchFacts(List.of(pkg("20000001", VersionState.TO_BE_RELEASED, "1.0")), Map.of(),
                Set.of());

        assertThatThrownBy(() -> TaskCreationRules.batch("shop", List.of("20000001"), Platform.IOS, OFFICIAL, facts,
                "batch-1", () -> "t"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.errors().getFirst().message())
                        .isEqualTo("package 20000001 has no version on IOS"));
    }

    private static PackageVersionView version(String packageId, String version, VersionState state) {
        return new PackageVersionView("shop", packageId, version, Platform.ANDROID, state,
                "https://cdn.example.com/" + packageId + "/" + version + ".zip", "ab".repeat(32), 1234, "/index.html",
                null, "10.0", null, Instant.parse("2026-11-01T00:00:00Z"), null, null, List.of());
    }

    /** A package whose versions on Android are the given ones, the last the highest, in {@code headState}. */
    private static Optional<PackageView> pkg(String packageId, VersionState headState, String... versions) {
        List<PackageVersionView> all = java.util.Arrays.stream(versions)
                .map(v -> version(packageId, v, v.equals(versions[versions.length - 1]) ? headState
                        : VersionState.FINISHED_RELEASE))
                .toList();
        String highest = versions[versions.length - 1];
        return Optional.of(new PackageView("shop", packageId, "p" + packageId, null, null, null, highest, headState,
                List.of(new PlatformSummary(Platform.ANDROID, highest, headState)), all, Instant.EPOCH));
    }
}
