package dev.rollgate.contracts.version;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class VersionPropertiesTest {

    @Provide
    Arbitrary<String> versions() {
        // Small numbers and few identifiers so that equal and near-equal versions turn up often.
        Arbitrary<String> core = Arbitraries.longs().between(0, 12).map(String::valueOf)
                .list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join(".", parts));
        Arbitrary<String> identifier = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3).map(String::valueOf),
                Arbitraries.of("alpha", "beta", "rc", "RC", "x-y"));
        Arbitrary<String> preRelease = identifier.list().ofMinSize(0).ofMaxSize(3)
                .map(ids -> ids.isEmpty() ? "" : "-" + String.join(".", ids));
        return Combinators.combine(core, preRelease).as(String::concat);
    }

    @Property
    void parsingWhatWasFormattedGivesTheSameVersion(@ForAll("versions") String text) {
        Version version = Version.parse(text);
        Version reparsed = Version.parse(version.toString());
        assertThat(reparsed).isEqualTo(version);
        assertThat(reparsed.toString()).isEqualTo(version.toString());
    }

    @Property
    void theOrderIsTotalAndAntisymmetric(@ForAll("versions") String a, @ForAll("versions") String b) {
        Version x = Version.parse(a);
        Version y = Version.parse(b);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(-Integer.signum(y.compareTo(x)));
        assertThat(x.compareTo(y) == 0).isEqualTo(x.equals(y));
        if (x.equals(y)) {
            assertThat(x.hashCode()).isEqualTo(y.hashCode());
        }
    }

    @Property
    void theOrderIsTransitive(@ForAll("versions") String a, @ForAll("versions") String b, @ForAll("versions") String c) {
        Version x = Version.parse(a);
        Version y = Version.parse(b);
        Version z = Version.parse(c);
        if (x.compareTo(y) <= 0 && y.compareTo(z) <= 0) {
            assertThat(x.compareTo(z)).isLessThanOrEqualTo(0);
        }
        if (x.equals(y) && y.equals(z)) {
            assertThat(x).isEqualTo(z);
        }
    }

    @Property
    void trailingZerosDoNotCount(@ForAll("versions") String text, @ForAll("zeros") String zeros) {
        int dash = text.indexOf('-');
        String padded = dash < 0 ? text + zeros : text.substring(0, dash) + zeros + text.substring(dash);
        assertThat(Version.parse(padded)).isEqualTo(Version.parse(text));
    }

    @Provide
    Arbitrary<String> zeros() {
        return Arbitraries.integers().between(0, 3).map(".0"::repeat);
    }

    @Property
    void aPreReleaseSortsBeforeItsRelease(@ForAll("versions") String text) {
        Version version = Version.parse(text);
        if (!version.isPreRelease()) {
            assertThat(Version.parse(text + "-rc.1")).isLessThan(version);
        }
    }
}
