package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.gateway.resolve.CompiledSegment;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentHistoryTest {

    private static SegmentLookup.Found at(long revision) {
        return new SegmentLookup.Found(CompiledSegment.of(new Ruleset(Ruleset.FORMAT_VERSION, "shop", Platform.ANDROID,
                revision, java.util.List.of())), 100);
    }

    @Test
    void aKnownAppThatRedisNoLongerShowsIsAnsweredAsItWas() {
        SegmentHistory history = new SegmentHistory();
        SegmentLookup.Found five = at(5);
        assertThat(history.settle("shop:ANDROID", five)).isSameAs(five);
        assertThat(history.settle("shop:ANDROID", new SegmentLookup.UnknownApp("shop"))).isSameAs(five);
        assertThat(history.isBehind("shop:ANDROID")).isTrue();
    }

    @Test
    void aRevisionNeverGoesBackButGoesOn() {
        SegmentHistory history = new SegmentHistory();
        SegmentLookup.Found five = at(5);
        history.settle("shop:ANDROID", five);
        assertThat(history.settle("shop:ANDROID", at(3))).isSameAs(five);
        SegmentLookup.Found seven = at(7);
        assertThat(history.settle("shop:ANDROID", seven)).isSameAs(seven);
        assertThat(history.isBehind("shop:ANDROID")).isFalse();
        assertThat(history.lastFound("shop:ANDROID")).isSameAs(seven);
    }

    @Test
    void anAppNeverFoundStaysUnknownAndPastTheHoldRedisIsBelieved() {
        assertThat(new SegmentHistory().settle("new:IOS", new SegmentLookup.UnknownApp("new")))
                .isInstanceOf(SegmentLookup.UnknownApp.class);
        SegmentHistory impatient = new SegmentHistory(Duration.ZERO);
        impatient.settle("shop:ANDROID", at(5));
        SegmentLookup.Found three = at(3);
        assertThat(impatient.settle("shop:ANDROID", three)).isSameAs(three);
    }
}
