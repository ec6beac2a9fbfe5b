package dev.rollgate.contracts.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "10.2, =, 10.2.0",
            "10.2.0.0, =, 10.2",
            "1, =, 1.0.0.0",
            "01.2, =, 1.2",
            "1.0.0-rc.1, <, 1.0.0",
            "1.0.0.10, >, 1.0.0.9",
            "1.0.0.2, >, 1.0.0.1",
            "1.10, >, 1.9",
            "2, >, 1.999.999",
            "1.0.0-alpha, <, 1.0.0-alpha.1",
            "1.0.0-alpha.1, <, 1.0.0-alpha.beta",
            "1.0.0-alpha.beta, <, 1.0.0-beta",
            "1.0.0-beta, <, 1.0.0-beta.2",
            "1.0.0-beta.2, <, 1.0.0-beta.11",
            "1.0.0-beta.11, <, 1.0.0-rc.1",
            "1.0.0-rc.1, <, 1.0.0",
            "1.0-rc.1, =, 1.0.0-rc.1",
            "1.0.0-rc.01, =, 1.0.0-rc.1",
            "1.0.0-RC, <, 1.0.0-rc",
            "0.9, <, 1.0.0-alpha",
            "12, >, 9.9.9",
            "14, =, 14.0",
            "999999999999999999, >, 999999999999999998",
    })
    void comparesAsDottedNumbersWithSemverPreRelease(String left, String relation, String right) {
        int expected = switch (relation) {
            case "<" -> -1;
            case ">" -> 1;
            default -> 0;
        };
        Version a = Version.parse(left);
        Version b = Version.parse(right);
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(expected);
        assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-expected);
        assertThat(a.equals(b)).isEqualTo(expected == 0);
        if (expected == 0) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "1.", ".1", "1..2", "1.a", "v1.0", "1.0 ", " 1.0", "1.0-", "1.0-rc..1",
            "1.0-rc_1", "1.0+build", "-1", "1.-1", "1.0.0-rc.1/2", "１.０", "1234567890123456789"})
    void refusesWhatIsNotAVersionQuotingTheInput(String input) {
        assertThatThrownBy(() -> Version.parse(input))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining('"' + input + '"');
    }

    @Test
    void refusesNullAndOverlongInput() {
        assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(InvalidVersionException.class);
        String overlong = "1." + "0.".repeat(100) + "1";
        assertThatThrownBy(() -> Version.parse(overlong))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("longer than 128");
    }

    @Test
    void parseOrNullAnswersNullInsteadOfThrowing() {
        assertThat(Version.parseOrNull("x.y")).isNull();
        assertThat(Version.parseOrNull("1.2")).isEqualTo(Version.parse("1.2.0"));
        assertThat(Version.isValid("1.2-beta")).isTrue();
        assertThat(Version.isValid("1.2-")).isFalse();
    }

    @Test
    void formatsCanonicallyAndKeepsGivenParts() {
        assertThat(Version.parse("01.002.3").toString()).isEqualTo("1.2.3");
        assertThat(Version.parse("10.2").toString()).isEqualTo("10.2");
        assertThat(Version.parse("1.0.0-rc.1").toString()).isEqualTo("1.0.0-rc.1");
        assertThat(Version.parse("1.0.0.10").isPreRelease()).isFalse();
        assertThat(Version.parse("1.0.0-x").isPreRelease()).isTrue();
    }

    @Test
    void equalVersionsAreOneSetElement() {
        Set<Version> versions = new HashSet<>();
        versions.add(Version.parse("10.2"));
        versions.add(Version.parse("10.2.0"));
        versions.add(Version.parse("10.2.0.0"));
        assertThat(versions).hasSize(1);
    }

    @Test
    void boundsCompareInclusively() {
        Version v = Version.parse("10.2");
        assertThat(v.isAtLeast(Version.parse("10.2.0"))).isTrue();
        assertThat(v.isAtMost(Version.parse("10.2.0"))).isTrue();
        assertThat(v.isAtLeast(Version.parse("10.2.1"))).isFalse();
        assertThat(v.isAtMost(Version.parse("10.1.99"))).isFalse();
    }
}
