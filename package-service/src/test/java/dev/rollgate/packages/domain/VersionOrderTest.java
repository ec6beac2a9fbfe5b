package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionOrderTest {

    @Test
    void theFirstVersionOfAPlatformIsAlwaysAccepted() {
        assertThatCode(() -> VersionOrder.requireHigher("20000001", Platform.IOS, Version.parse("0.0.1"), null))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({"1.0.0.3, 1.0.0.2", "1.0.0.10, 1.0.0.9", "1.0.1, 1.0.1-rc.1", "2, 1.99.99"})
    void aHigherVersionIsAccepted(String candidate, String highest) {
        assertThatCode(() -> VersionOrder.requireHigher("20000001", Platform.ANDROID, Version.parse(candidate),
                Version.parse(highest))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({"1.0.0.2, 1.0.0.2", "10.2, 10.2.0", "1.0.0.1, 1.0.0.2", "1.0.0-rc.1, 1.0.0"})
    void theSameOrALowerVersionIsAConflictNamingTheHighest(String candidate, String highest) {
        assertThatThrownBy(() -> VersionOrder.requireHigher("20000001", Platform.ANDROID, Version.parse(candidate),
                Version.parse(highest)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("current highest version " + Version.parse(highest));
    }
}
