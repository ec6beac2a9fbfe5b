package dev.rollgate.contracts.id;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written checks say what the patterns (used in validation annotations) say. */
class IdPatternsTest {

    @Property
    void aPackageIdIsWhatItsPatternSays(@ForAll @StringLength(max = 10) @Chars({'0', '1', '9', 'a', '-', ' '}) String text) {
        assertThat(IdPatterns.isPackageId(text)).isEqualTo(Pattern.matches(IdPatterns.PACKAGE_ID, text));
    }

    @Property
    void aUuidIsWhatItsPatternSays(@ForAll @StringLength(min = 35, max = 37) @Chars({'0', '9', 'a', 'f', 'g', 'A', '-'}) String text) {
        assertThat(IdPatterns.isUuid(text)).isEqualTo(Pattern.matches(IdPatterns.UUID, text));
    }

    @Property
    void anAppKeyIsWhatItsPatternSays(@ForAll @StringLength(max = 65) @Chars({'a', 'z', '0', '9', '-', 'A', '_'}) String text) {
        assertThat(IdPatterns.isAppKey(text)).isEqualTo(Pattern.matches(IdPatterns.APP_KEY, text));
    }

    @Test
    void realIdsPass() {
        assertThat(IdPatterns.isUuid(UUID.randomUUID().toString())).isTrue();
        assertThat(IdPatterns.isUuid(UUID.randomUUID().toString().toUpperCase())).isFalse();
        assertThat(IdPatterns.isPackageId("20000001")).isTrue();
        assertThat(IdPatterns.isAttribute("os.build_id-2")).isTrue();
        assertThat(IdPatterns.isAttribute("a b")).isFalse();
    }
}
