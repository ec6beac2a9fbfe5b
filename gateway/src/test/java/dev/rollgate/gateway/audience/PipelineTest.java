package dev.rollgate.gateway.audience;

import dev.rollgate.contracts.redis.RedisKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest {

    @Test
    void aKeyIsPlacedByWhatItsFirstBracesHold() {
        assertThat(Pipeline.hashTag("rollgate-claims:{app:t1}:linked")).isEqualTo("app:t1");
        assertThat(Pipeline.hashTag("a{b}{c}")).isEqualTo("b");
        assertThat(Pipeline.hashTag("a{}{c}")).isEqualTo("a{}{c}");
        assertThat(Pipeline.hashTag("a{b")).isEqualTo("a{b");
        assertThat(Pipeline.hashTag("plain")).isEqualTo("plain");
    }

    @Test
    void aTasksClaimsAndLinkedIdsShareASlotAndWhitelistsShareTheDerivedOne() {
        assertThat(Pipeline.hashTag(RedisKeys.timeWindowClaims("app", "t1")))
                .isEqualTo(Pipeline.hashTag(RedisKeys.timeWindowLinkedIds("app", "t1")))
                .isNotEqualTo(Pipeline.hashTag(RedisKeys.timeWindowClaims("app", "t2")));
        assertThat(Pipeline.hashTag(RedisKeys.whitelistMembers("app", "w1")))
                .isEqualTo(Pipeline.hashTag(RedisKeys.KNOWN_APPS)).isEqualTo("derived");
    }
}
