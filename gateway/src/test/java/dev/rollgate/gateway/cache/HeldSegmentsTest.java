package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.resolve.CompiledSegment;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeldSegmentsTest {

    private static final long ROOMY = 1L << 30;

    private static SegmentLookup.Found at(String app, long revision, long weight) {
        return new SegmentLookup.Found(CompiledSegment.of(new Ruleset(Ruleset.FORMAT_VERSION, app, Platform.ANDROID,
                revision, java.util.List.of())), weight);
    }

    private static SegmentLookup.Found at(long revision) {
        return at("shop", revision, 100);
    }

    @Test
    void aKnownAppThatRedisNoLongerShowsIsAnsweredAsItWas() {
        HeldSegments held = new HeldSegments(ROOMY);
        SegmentLookup.Found five = at(5);
        assertThat(held.settle("shop:ANDROID", five, true)).isSameAs(five);
        assertThat(held.settle("shop:ANDROID", new SegmentLookup.UnknownApp("shop"), true)).isSameAs(five);
        assertThat(held.isBehind("shop:ANDROID")).isTrue();
    }

    @Test
    void aRevisionNeverGoesBackButGoesOn() {
        HeldSegments held = new HeldSegments(ROOMY);
        SegmentLookup.Found five = at(5);
        held.settle("shop:ANDROID", five, true);
        assertThat(held.settle("shop:ANDROID", at(3), true)).isSameAs(five);
        SegmentLookup.Found seven = at(7);
        assertThat(held.settle("shop:ANDROID", seven, true)).isSameAs(seven);
        assertThat(held.isBehind("shop:ANDROID")).isFalse();
        assertThat(held.lastFound("shop:ANDROID")).isSameAs(seven);
    }

    @Test
    void anAppNeverFoundStaysUnknownAndPastTheHoldRedisIsBelieved() {
        assertThat(new HeldSegments(ROOMY).settle("new:IOS", new SegmentLookup.UnknownApp("new"), true))
                .isInstanceOf(SegmentLookup.UnknownApp.class);
        HeldSegments impatient = new HeldSegments(ROOMY, Duration.ZERO);
        impatient.settle("shop:ANDROID", at(5), true);
        SegmentLookup.Found three = at(3);
        assertThat(impatient.settle("shop:ANDROID", three, true)).isSameAs(three);
    }

    @Test
    void aChangedSegmentIsLoadedAgainButStillAnsweredFromWhileRedisIsDown() {
        HeldSegments held = new HeldSegments(ROOMY);
        SegmentLookup.Found five = at(5);
        held.settle("shop:ANDROID", five, true);
        assertThat(held.current("shop:ANDROID")).isSameAs(five);
        held.markStale("shop:ANDROID");
        assertThat(held.current("shop:ANDROID")).isNull();
        assertThat(held.revisions()).isEmpty();
        assertThat(held.lastFound("shop:ANDROID")).isSameAs(five);
        assertThat(held.answerWhileUnreachable("shop:ANDROID")).isSameAs(five);
        assertThat(held.current("shop:ANDROID")).isSameAs(five);
    }

    @Test
    void aSegmentLoadedWhileItsChangeWasAnnouncedIsNotCurrent() {
        HeldSegments held = new HeldSegments(ROOMY);
        held.settle("shop:ANDROID", at(5), false);
        assertThat(held.current("shop:ANDROID")).isNull();
        assertThat(held.lastFound("shop:ANDROID")).isNotNull();
    }

    @Test
    void segmentsPastTheShareAreLetGoAndTheirRevisionIsRemembered() {
        HeldSegments held = new HeldSegments(10_000, Duration.ofMinutes(10));
        for (int app = 0; app < 50; app++) {
            held.settle("app" + app + ":ANDROID", at("app" + app, 9, 1_000), true);
        }
        assertThat(held.weight()).isLessThanOrEqualTo(10_000);
        assertThat(held.evictions()).isGreaterThanOrEqualTo(40);
        String letGo = java.util.stream.IntStream.range(0, 50).mapToObj(app -> "app" + app + ":ANDROID")
                .filter(segment -> held.lastFound(segment) == null).findFirst().orElseThrow();
        String app = letGo.substring(0, letGo.indexOf(':'));
        // Redis went back (flushed, rebuilding): an older answer than clients had is refused, not given.
        assertThatThrownBy(() -> held.settle(letGo, at(app, 4, 1_000), true))
                .isInstanceOf(RulesUnavailableException.class);
        assertThatThrownBy(() -> held.settle(letGo, new SegmentLookup.UnknownApp(app), true))
                .isInstanceOf(RulesUnavailableException.class);
        SegmentLookup.Found same = at(app, 9, 1_000);
        assertThat(held.settle(letGo, same, true)).isSameAs(same);
    }

    private static Ruleset withOneWhitelistTask(long revision) {
        return new Ruleset(Ruleset.FORMAT_VERSION, "shop", Platform.ANDROID, revision, java.util.List.of(
                new PackageRules("20000001", java.util.List.of(), java.util.List.of(new ActiveRelease("t1", "1.0.1",
                        ReleaseType.GRAYSCALE, false, GrayscaleSpec.whitelist(java.util.List.of("w1")),
                        java.util.List.of(new WhitelistRef("w1", IdType.USER_ID)), java.util.List.of(),
                        new VersionArtifact("https://cdn.example/p.zip", "ab".repeat(32), 1024, null, null, "1.0",
                                null), 7L)))));
    }

    /** Holds the shop's segment, then pushes it out with {@code others} segments asked more often. */
    private static CompiledSegment heldThenLetGo(HeldSegments held, int others) {
        CompiledSegment first = CompiledSegment.of(withOneWhitelistTask(9));
        held.settle("shop:ANDROID", new SegmentLookup.Found(first, 1_000), true);
        for (int round = 0; round < 3; round++) {
            for (int app = 0; app < others; app++) {
                if (held.current("app" + app + ":ANDROID") == null) {
                    held.settle("app" + app + ":ANDROID", at("app" + app, 1, 1_000), true);
                }
            }
        }
        assertThat(held.lastFound("shop:ANDROID")).as("let go").isNull();
        return first;
    }

    @Test
    void aSegmentLoadedAgainAfterItWasLetGoKeepsItsTasksAudiences() {
        HeldSegments held = new HeldSegments(20_000);
        CompiledSegment first = heldThenLetGo(held, 40);

        CompiledSegment again = CompiledSegment.of(withOneWhitelistTask(9), held.audiences("shop:ANDROID"));
        assertThat(again.audiences().get("t1")).isSameAs(first.audiences().get("t1"));
    }

    @Test
    void theAudiencesOfLetGoSegmentsStayWithinTheirShare() {
        HeldSegments held = new HeldSegments(2_000);
        heldThenLetGo(held, 10);
        assertThat(held.audiences("shop:ANDROID")).isEmpty();
        assertThatThrownBy(() -> held.settle("shop:ANDROID", at(4), true))
                .as("the revision is still remembered").isInstanceOf(RulesUnavailableException.class);
    }

    @Test
    void clientsSpreadOverMoreSegmentsThanFitStillFindAStableSetHeld() {
        // Twenty segments asked in turn, room for ten: a least-recently-used order would miss on every one.
        HeldSegments held = new HeldSegments(10_000);
        int asked = 0;
        int found = 0;
        for (int round = 0; round < 200; round++) {
            for (int app = 0; app < 20; app++) {
                String segment = "app" + app + ":ANDROID";
                asked += round >= 100 ? 1 : 0;
                if (held.current(segment) != null) {
                    found += round >= 100 ? 1 : 0;
                } else {
                    held.settle(segment, at("app" + app, 1, 1_000), true);
                }
            }
        }
        assertThat(held.weight()).isLessThanOrEqualTo(10_000);
        assertThat((double) found / asked).isGreaterThan(0.3);
    }
}
