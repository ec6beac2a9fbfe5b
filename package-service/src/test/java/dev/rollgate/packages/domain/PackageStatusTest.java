package dev.rollgate.packages.domain;

import dev.rollgate.contracts.catalog.PlatformSummary;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageStatusTest {

    @Test
    void aPackageWithoutVersionsHasNoStatus() {
        assertThat(PackageStatus.overall(List.of())).isEmpty();
    }

    @Test
    void theHighestVersionOverAllPlatformsSpeaksForThePackage() {
        var ios = new PlatformSummary(Platform.IOS, "1.0.0.10", VersionState.GRAYSCALE_RELEASING);
        var android = new PlatformSummary(Platform.ANDROID, "1.0.0.9", VersionState.FINISHED_RELEASE);
        assertThat(PackageStatus.overall(List.of(android, ios))).contains(ios);
        assertThat(PackageStatus.overall(List.of(ios, android))).contains(ios);
    }

    @Test
    void onATieTheFirstPlatformSpeaks() {
        var ios = new PlatformSummary(Platform.IOS, "2.0", VersionState.PAUSED);
        var android = new PlatformSummary(Platform.ANDROID, "2.0.0", VersionState.TO_BE_RELEASED);
        assertThat(PackageStatus.overall(List.of(ios, android))).contains(android);
    }
}
