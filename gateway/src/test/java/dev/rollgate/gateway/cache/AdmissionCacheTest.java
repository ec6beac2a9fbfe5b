package dev.rollgate.gateway.cache;

import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
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

    private static CompiledSegment segment() {
        VersionArtifact artifact = new VersionArtifact("https://cdn.example/p.zip", "ab".repeat(32), 1024, null, null,
                "1.0", null);
        List<ActiveRelease> tasks = List.of(
                new ActiveRelease("t-2", "2.0.0", ReleaseType.GRAYSCALE, false, GrayscaleSpec.whitelist(List.of("w1")),
                        List.of(), List.of(), artifact),
                new ActiveRelease("t-1", "1.5.0", ReleaseType.GRAYSCALE, false,
                        GrayscaleSpec.timeWindow(NOW.plusSeconds(3600), 5), List.of(), List.of(), artifact));
        return CompiledSegment.of(new Ruleset(Ruleset.FORMAT_VERSION, "shop", Platform.ANDROID, 7,
                List.of(new PackageRules("00000001", List.of(), tasks))));
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
    void aNewRevisionOfTheSegmentFindsNoneOfTheOldAnswers() {
        CompiledSegment old = segment();
        cache.recollect(old, client("alice")).remember(task(old, 0), true);
        CompiledSegment next = segment();
        AdmissionMemo.Recollection recollection = cache.recollect(next, client("alice"));
        assertThat(recollection.recall(task(next, 0))).isNull();
        assertThat(recollection.recall(task(old, 0))).as("even asked about the old task").isNull();
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
