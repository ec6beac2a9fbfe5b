package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.memory.NearMemory;
import dev.rollgate.gateway.resolve.AdmissionMemo;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledRelease;
import dev.rollgate.gateway.resolve.CompiledSegment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final AdmissionCache cache = new AdmissionCache(new NearMemory(1 << 20));

    private static final VersionArtifact ARTIFACT = new VersionArtifact("https://cdn.example/p.zip", "ab".repeat(32),
            1024, null, null, "1.0", null);

    private static ActiveRelease byWhitelist(long audienceRevision) {
        return new ActiveRelease("t-2", "2.0.0", ReleaseType.GRAYSCALE, false, GrayscaleSpec.whitelist(List.of("w1")),
                List.of(new WhitelistRef("w1", IdType.USER_ID)), List.of(), ARTIFACT, audienceRevision);
    }

    private static ActiveRelease byTimeWindow() {
        return new ActiveRelease("t-1", "1.5.0", ReleaseType.GRAYSCALE, false,
                GrayscaleSpec.timeWindow(NOW.plusSeconds(3600), 5), List.of(), List.of(), ARTIFACT, 3L);
    }

    private static CompiledSegment segment() {
        return segment(7, null, byWhitelist(2), byTimeWindow());
    }

    /** The segment at {@code revision}, compiled with {@code previous} as the near cache does. */
    private static CompiledSegment segment(long revision, CompiledSegment previous, ActiveRelease... tasks) {
        return CompiledSegment.of(new Ruleset(Ruleset.FORMAT_VERSION, "shop", Platform.ANDROID, revision,
                List.of(new PackageRules("00000001", List.of(), List.of(tasks)))),
                previous == null ? Map.of() : previous.audiences());
    }

    private static ClientContext client(String userId) {
        return new ClientContext(Platform.ANDROID, Version.parse("10.2.0"), userId, null, null, null, null, null,
                Map.of(), Set.of(), NOW);
    }

    private static CompiledRelease task(CompiledSegment segment, int index) {
        return segment.packages().get(0).active().get(index);
    }

    @Test
    void aClientsAnswersAboutEveryTaskOfASegmentComeBackInOneLookup() {
        CompiledSegment segment = segment();
        AdmissionMemo.Recollection first = cache.recollect(segment, client("alice"));
        assertThat(first.recall(task(segment, 0))).isNull();
        first.remember(task(segment, 0), true);
        first.remember(task(segment, 1), false);
        assertThat(first.recall(task(segment, 0))).as("what this request learnt").isTrue();

        AdmissionMemo.Recollection later = cache.recollect(segment, client("alice"));
        assertThat(later.recall(task(segment, 0))).isTrue();
        assertThat(later.recall(task(segment, 1))).isFalse();
        assertThat(cache.recollect(segment, client("bob")).recall(task(segment, 0))).as("another client").isNull();
    }

    @Test
    void theAnswersOfOneRoundTripJoinThoseKeptBefore() {
        CompiledSegment segment = segment();
        cache.recollect(segment, client("alice")).remember(task(segment, 0), false);
        AdmissionMemo.Recollection now = cache.recollect(segment, client("alice"));
        now.rememberAll(List.of(task(segment, 0), task(segment, 1)), List.of(true, true));
        assertThat(now.recall(task(segment, 1))).as("seen at once by the request that learnt it").isTrue();
        AdmissionMemo.Recollection later = cache.recollect(segment, client("alice"));
        assertThat(later.recall(task(segment, 0))).as("the newer answer").isTrue();
        assertThat(later.recall(task(segment, 1))).isTrue();
    }

    @Test
    void aNewerAnswerAboutATaskReplacesTheOlder() {
        CompiledSegment segment = segment();
        cache.recollect(segment, client("alice")).remember(task(segment, 1), false);
        cache.recollect(segment, client("alice")).remember(task(segment, 1), true);
        assertThat(cache.recollect(segment, client("alice")).recall(task(segment, 1))).isTrue();
    }

    @Test
    void aSegmentCompiledWithoutItsPreviousRevisionFindsNoneOfTheOldAnswers() {
        CompiledSegment old = segment();
        cache.recollect(old, client("alice")).remember(task(old, 0), true);
        CompiledSegment next = segment();
        AdmissionMemo.Recollection recollection = cache.recollect(next, client("alice"));
        assertThat(recollection.recall(task(next, 0))).as("the same task, but nothing tells its audience stood")
                .isNull();
    }

    @Test
    void aNewRevisionKeepsTheAnswersAboutTasksWhoseAudienceStandsAndOnlyThose() {
        CompiledSegment old = segment();
        AdmissionMemo.Recollection before = cache.recollect(old, client("alice"));
        before.rememberAll(List.of(task(old, 0), task(old, 1)), List.of(true, true));

        CompiledSegment next = segment(9, old, byWhitelist(9), byTimeWindow());
        AdmissionMemo.Recollection after = cache.recollect(next, client("alice"));

        assertThat(after.recall(task(next, 0))).as("a member of w1 changed: asked again").isNull();
        assertThat(after.recall(task(next, 1))).as("the time window stands").isTrue();
        assertThat(cache.recollect(next, client("bob")).recall(task(next, 1))).as("another client").isNull();
    }

    @Test
    void answersAboutAudiencesTheSegmentNoLongerHasGoWithTheNextAnswer() {
        NearMemory memory = new NearMemory(1 << 20);
        AdmissionCache measured = new AdmissionCache(memory);
        CompiledSegment old = segment();
        measured.recollect(old, client("alice")).rememberAll(List.of(task(old, 0), task(old, 1)), List.of(true, false));
        long twoAnswers = memory.used();

        CompiledSegment next = segment(9, old, byWhitelist(9));
        measured.recollect(next, client("alice")).remember(task(next, 0), false);

        assertThat(memory.used()).as("one answer now, weighed as one").isLessThan(twoAnswers);
        AdmissionMemo.Recollection underOld = measured.recollect(old, client("alice"));
        assertThat(underOld.recall(task(old, 0))).as("w1's old audience, dropped").isNull();
        assertThat(underOld.recall(task(old, 1))).as("the ended time window, dropped").isNull();
        assertThat(measured.recollect(next, client("alice")).recall(task(next, 0))).isFalse();
    }

    @Test
    void theAnswersStayWithinTheMemoryBudget() {
        NearMemory memory = new NearMemory(20_000);
        AdmissionCache small = new AdmissionCache(memory);
        CompiledSegment segment = segment();
        for (int i = 0; i < 1_000; i++) {
            small.recollect(segment, client("u" + i)).remember(task(segment, 0), true);
        }
        long kept = IntStream.range(0, 1_000)
                .filter(i -> small.recollect(segment, client("u" + i)).recall(task(segment, 0)) != null).count();
        assertThat(kept).isBetween(1L, 200L);
        assertThat(memory.used()).isLessThanOrEqualTo(20_000);
    }
}
