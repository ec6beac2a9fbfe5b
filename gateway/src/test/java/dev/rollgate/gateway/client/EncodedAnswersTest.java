package dev.rollgate.gateway.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolution;
import dev.rollgate.gateway.resolve.Resolver;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EncodedAnswersTest {

    /** The segment's one task is official: nobody's audience is asked about. */
    private static final Audience NOBODY = new Audience() {
        @Override
        public Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
            throw new AssertionError("no whitelist to ask about");
        }

        @Override
        public Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client) {
            throw new AssertionError("no time window to ask about");
        }
    };

    private final EncodedAnswers answers = new EncodedAnswers(new NearMemory(1 << 20), new ObjectMapper());
    private final Ruleset ruleset = new Ruleset(Ruleset.FORMAT_VERSION, "app", Platform.ANDROID, 7, List.of(
            new PackageRules("p1", List.of(Segments.finished("p1", "1.0")), List.of(Segments.official("t1", "p1", "2.0"))),
            new PackageRules("p2", List.of(Segments.finished("p2", "3.1")), List.of())));

    @Test
    void requestsOfOneCompilationShareOneEncoding() {
        CompiledSegment segment = CompiledSegment.of(ruleset);

        EncodedAnswers.Encoded first = answers.of(segment, resolve(segment), Map.of(), 60);
        EncodedAnswers.Encoded second = answers.of(segment, resolve(segment), Map.of(), 60);

        assertThat(second).isSameAs(first);
        assertThat(new String(first.body())).contains("\"version\":\"2.0\"", "\"version\":\"3.1\"", "\"revision\":7");
    }

    @Test
    void theSameRulesetCompiledAgainIsEncodedAgainWithTheSameBytes() {
        CompiledSegment before = CompiledSegment.of(ruleset);
        CompiledSegment again = CompiledSegment.of(ruleset);
        EncodedAnswers.Encoded first = answers.of(before, resolve(before), Map.of(), 60);

        EncodedAnswers.Encoded second = answers.of(again, resolve(again), Map.of(), 60);

        // Equal resolutions of another compilation are other objects: the key must not compare them by value.
        assertThat(resolve(again)).isEqualTo(resolve(before));
        assertThat(second).isNotSameAs(first);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.etag()).isEqualTo(first.etag());
        assertThat(answers.of(again, resolve(again), Map.of(), 60)).isSameAs(second);
    }

    private static List<Resolution> resolve(CompiledSegment segment) {
        ClientContext client = new ClientContext(Platform.ANDROID, Version.parse("10.2.0"), "u1", null, null, null,
                null, null, Map.of(), Set.of(), Instant.now());
        return Resolver.resolve(segment, client, NOBODY).await().indefinitely();
    }
}
