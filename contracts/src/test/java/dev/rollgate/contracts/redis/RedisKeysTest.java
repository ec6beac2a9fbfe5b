package dev.rollgate.contracts.redis;

import dev.rollgate.contracts.release.Platform;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What Redis Cluster asks of the layout: keys written or renamed together share a hash tag. */
class RedisKeysTest {

    @Test
    void everyDerivedKeyLiveOrRebuildingSharesOneHashTag() {
        for (DerivedKeys keys : List.of(DerivedKeys.LIVE, DerivedKeys.REBUILD)) {
            assertThat(List.of(keys.state(), keys.knownApps(), keys.revisions(), keys.ruleset("app", Platform.IOS),
                    keys.appliedVersions("app"), keys.whitelistTypes("app"), keys.whitelistMembers("app", "w1")))
                    .allSatisfy(key -> assertThat(hashTag(key)).isEqualTo("derived"));
        }
        assertThat(List.of(RedisKeys.KNOWN_APPS, RedisKeys.REVISIONS, RedisKeys.ruleset("app", Platform.ANDROID)))
                .allSatisfy(key -> assertThat(hashTag(key)).isEqualTo("derived"));
    }

    @Test
    void aRebuiltKeyStandsForTheLiveKeyOfTheSameName() {
        String rebuilt = DerivedKeys.REBUILD.ruleset("app", Platform.IOS);
        assertThat(DerivedKeys.REBUILD.as(DerivedKeys.LIVE, rebuilt)).isEqualTo(RedisKeys.ruleset("app", Platform.IOS));
    }

    @Test
    void eachTimeWindowTaskHasAHashTagOfItsOwnThatItsLinkedIdsShare() {
        String claims = RedisKeys.timeWindowClaims("app", "t1");
        assertThat(hashTag(claims)).isEqualTo("app:t1");
        assertThat(hashTag(RedisKeys.timeWindowLinkedIds("app", "t1"))).isEqualTo("app:t1");
        assertThat(hashTag(RedisKeys.timeWindowClaims("app", "t2"))).isEqualTo("app:t2");
        assertThat(claims).startsWith(RedisKeys.CLAIMS_PREFIX);
    }

    /** Redis's rule: what the first braces hold, when they hold something. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        int close = open < 0 ? -1 : key.indexOf('}', open + 1);
        return close > open + 1 ? key.substring(open + 1, close) : key;
    }
}
