package dev.rollgate.contracts.ruleset;

import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesetJsonTest {

    private static final VersionArtifact ARTIFACT =
            new VersionArtifact("https://cdn/x.zip", "b".repeat(64), 10, null, null, "1.0", "2.0");

    private static Ruleset sample() {
        return new Ruleset(Ruleset.FORMAT_VERSION, "shop", Platform.IOS, 42, List.of(
                new PackageRules("20000001", List.of(new FinishedVersion("1.0.0.1", ARTIFACT)), List.of(
                        new ActiveRelease("t1", "1.0.0.2", ReleaseType.GRAYSCALE, false,
                                GrayscaleSpec.whitelist(List.of("w1")), List.of(new WhitelistRef("w1", IdType.USER_ID)),
                                List.of(), ARTIFACT, 41L)))));
    }

    @Test
    void writingTheSameRulesetTwiceGivesTheSameBytes() throws Exception {
        String first = RulesetJson.write(sample());
        String second = RulesetJson.write(RulesetJson.read(first));
        assertThat(second).isEqualTo(first);
        assertThat(RulesetJson.read(first)).isEqualTo(sample());
    }

    @Test
    void aTaskWrittenBeforeItsAudienceRevisionExistedReadsWithoutOne() throws Exception {
        String older = RulesetJson.write(sample()).replace(",\"audienceRevision\":41", "");
        assertThat(older).doesNotContain("audienceRevision");
        assertThat(RulesetJson.read(older).packages().get(0).active().get(0).audienceRevision()).isNull();
    }

    @Test
    void aFieldAddedByANewerWriterIsIgnoredAsAnOlderGatewayIgnoresTheAudienceRevision() throws Exception {
        String newer = RulesetJson.write(sample()).replace("\"audienceRevision\":41", "\"audienceRevision\":41,"
                + "\"somethingLater\":{\"x\":1}");
        assertThat(newer).contains("somethingLater");
        assertThat(RulesetJson.read(newer)).isEqualTo(sample());
    }

    @Test
    void aNewerFormatIsRefused() {
        String newer = RulesetJson.write(sample()).replace("\"formatVersion\":1", "\"formatVersion\":2");
        assertThatThrownBy(() -> RulesetJson.read(newer)).isInstanceOf(UnreadableRulesetException.class)
                .hasMessageContaining("format 2");
    }
}
