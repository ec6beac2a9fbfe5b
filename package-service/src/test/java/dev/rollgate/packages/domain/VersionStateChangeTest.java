package dev.rollgate.packages.domain;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.release.VersionState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionStateChangeTest {

    private static final Platform P = Platform.IOS;

    private static VersionState after(EventData event) {
        return VersionStateChange.of(event).map(VersionStateChange::newState).orElse(null);
    }

    private static ReleaseTaskCreated created(ReleaseType type) {
        return new ReleaseTaskCreated("t", "20000001", "1.0", P, type,
                type == ReleaseType.GRAYSCALE ? GrayscaleSpec.whitelist(List.of("w1")) : null, List.of(), null, null,
                new VersionArtifact("https://cdn.example.com/1.0.zip", "ab".repeat(32), 1000, null, null, "10.0",
                        null));
    }

    @Test
    void aCreatedTaskMakesItsVersionReleasingByItsType() {
        assertThat(after(created(ReleaseType.GRAYSCALE))).isEqualTo(VersionState.GRAYSCALE_RELEASING);
        assertThat(after(created(ReleaseType.OFFICIAL))).isEqualTo(VersionState.OFFICIAL_RELEASING);
    }

    @Test
    void pauseResumePromoteFinishAndCancelMoveTheVersion() {
        assertThat(after(new ReleaseTaskPaused("t", "20000001", "1.0", P, ReleaseType.GRAYSCALE)))
                .isEqualTo(VersionState.PAUSED);
        assertThat(after(new ReleaseTaskResumed("t", "20000001", "1.0", P, ReleaseType.GRAYSCALE)))
                .isEqualTo(VersionState.GRAYSCALE_RELEASING);
        assertThat(after(new ReleaseTaskResumed("t", "20000001", "1.0", P, ReleaseType.OFFICIAL)))
                .isEqualTo(VersionState.OFFICIAL_RELEASING);
        assertThat(after(new ReleaseTaskPromoted("t", "20000001", "1.0", P, ReleaseType.OFFICIAL)))
                .isEqualTo(VersionState.OFFICIAL_RELEASING);
        assertThat(after(new ReleaseTaskFinished("t", "20000001", "1.0", P, ReleaseType.OFFICIAL)))
                .isEqualTo(VersionState.FINISHED_RELEASE);
        assertThat(after(new ReleaseTaskCancelled("t", "20000001", "1.0", P, ReleaseType.GRAYSCALE)))
                .isEqualTo(VersionState.CANCELLED);
    }

    @Test
    void eventsOfAppsAndWhitelistsMoveNoVersion() {
        assertThat(VersionStateChange.of(new AppRegistered("shop", "Shop"))).isEmpty();
        assertThat(VersionStateChange.of(new WhitelistCreated("w", "beta", IdType.USER_ID))).isEmpty();
    }
}
