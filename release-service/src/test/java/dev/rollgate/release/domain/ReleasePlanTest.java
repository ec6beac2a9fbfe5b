package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReleasePlanTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final AdvancedRule CITY = new AdvancedRule(RuleType.CITY, null, RuleOperator.IN,
            List.of("Hangzhou"), false, false, null);

    private static List<String> fields(ReleasePlan plan) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> plan.checked(NOW));
        assertThat(e).as("the plan should be refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anOfficialPlanNeedsNoAudience() {
        ReleasePlan plan = new ReleasePlan(ReleaseType.OFFICIAL, null, null, "for everyone").checked(NOW);
        assertThat(plan.rules()).isEmpty();
    }

    @Test
    void anOfficialPlanRefusesGrayscaleAndRules() {
        assertThat(fields(new ReleasePlan(ReleaseType.OFFICIAL, GrayscaleSpec.whitelist(List.of("w")), List.of(CITY),
                null))).containsExactly("grayscale", "rules");
    }

    @Test
    void aGrayscalePlanNeedsAMode() {
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, null, null, null))).containsExactly("grayscale.mode");
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, new GrayscaleSpec(null, null, null, null), null, null)))
                .containsExactly("grayscale.mode");
    }

    @Test
    void aWhitelistPlanNamesWhitelistsOnlyAndDropsRepeats() {
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.whitelist(List.of()), null, null)))
                .containsExactly("grayscale.whitelistIds");
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, new GrayscaleSpec(GrayscaleMode.WHITELIST,
                List.of("w"), NOW.plusSeconds(60), 5L), null, null))).containsExactly("grayscale");
        ReleasePlan plan = new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.whitelist(List.of("a", "b", "a")),
                List.of(CITY), null).checked(NOW);
        assertThat(plan.grayscale().whitelistIds()).containsExactly("a", "b");
    }

    @Test
    void aTimeWindowEndsInTheFutureWithinAYearForOneToTenMillionUsers() {
        assertThat(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.timeWindow(NOW.plusSeconds(1), 1), null, null)
                .checked(NOW).grayscale().usersCount()).isEqualTo(1);
        assertThat(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.timeWindow(NOW.plus(Duration.ofDays(365)),
                10_000_000), null, null).checked(NOW)).isNotNull();
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.timeWindow(NOW, 5), null, null)))
                .containsExactly("grayscale.endTime");
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.timeWindow(NOW.plus(Duration.ofDays(400)),
                5), null, null))).containsExactly("grayscale.endTime");
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.timeWindow(NOW.plusSeconds(60), 0), null,
                null))).containsExactly("grayscale.usersCount");
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.timeWindow(NOW.plusSeconds(60),
                10_000_001), null, null))).containsExactly("grayscale.usersCount");
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, new GrayscaleSpec(GrayscaleMode.TIME_WINDOW,
                List.of("w"), null, null), null, null)))
                .containsExactly("grayscale.endTime", "grayscale.usersCount", "grayscale.whitelistIds");
    }

    @Test
    void rulesAreCheckedEachByItsPosition() {
        AdvancedRule broken = new AdvancedRule(RuleType.OS_VERSION, null, RuleOperator.GTE, List.of("twelve"), false,
                false, null);
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.whitelist(List.of("w")),
                List.of(CITY, broken), null))).containsExactly("rules[1].values[0]");
        assertThat(fields(new ReleasePlan(ReleaseType.GRAYSCALE, GrayscaleSpec.whitelist(List.of("w")),
                Collections.nCopies(51, CITY), null))).containsExactly("rules");
    }

    @Test
    void aDescriptionHasAtMostFiveHundredCharacters() {
        assertThat(new ReleasePlan(ReleaseType.OFFICIAL, null, null, "d".repeat(500)).checked(NOW)).isNotNull();
        assertThat(fields(new ReleasePlan(ReleaseType.OFFICIAL, null, null, "d".repeat(501))))
                .containsExactly("description");
        assertThat(fields(new ReleasePlan(null, null, null, null))).containsExactly("releaseType");
    }
}
