package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.ReleaseTaskCancelled;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskPromoted;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCompilerTest {

    private static final String APP = "shop";
    private static final Segment ANDROID = new Segment(APP, Platform.ANDROID);

    /** Redis as a map: what a batch writes, the next batch reads. */
    private static final class MemoryState implements StoredState {
        final Map<Segment, Ruleset> rulesets = new HashMap<>();
        final Map<String, Long> applied = new HashMap<>();
        final Map<String, IdType> types = new HashMap<>();

        @Override
        public Optional<Ruleset> ruleset(Segment segment) {
            return Optional.ofNullable(rulesets.get(segment));
        }

        @Override
        public long appliedVersion(String appKey, String streamId) {
            return applied.getOrDefault(appKey + "/" + streamId, 0L);
        }

        @Override
        public Optional<IdType> whitelistType(String appKey, String whitelistId) {
            return Optional.ofNullable(types.get(appKey + "/" + whitelistId));
        }

        BatchWrites apply(List<ConsumedEvent> events) {
            BatchWrites writes = BatchCompiler.compile(events, this);
            rulesets.putAll(writes.rulesets());
            writes.appliedVersions().forEach((app, versions) ->
                    versions.forEach((stream, v) -> applied.put(app + "/" + stream, v)));
            for (WhitelistOp op : writes.whitelistOps()) {
                if (op instanceof WhitelistOp.Define define) {
                    types.put(define.appKey() + "/" + define.whitelistId(), define.idType());
                } else if (op instanceof WhitelistOp.Drop drop) {
                    types.remove(drop.appKey() + "/" + drop.whitelistId());
                }
            }
            return writes;
        }
    }

    private final List<ConsumedEvent> topic = new ArrayList<>();

    private void publish(String streamId, long streamVersion, EventData data) {
        var envelope = EventJson.envelope(UUID.randomUUID(), APP, streamId, streamVersion,
                Instant.parse("2026-11-25T10:00:00Z"), "alice", data);
        topic.add(new ConsumedEvent(0, topic.size(), envelope, data));
    }

    private void aWhitelistAndATaskThatGoesAllTheWay() {
        publish("whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        publish("whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of("u1", "u2")));
        publish("task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));
        publish("task-t2", 1, TaskEvents.official("t2", "20000002", "2.0"));
        publish("task-t1", 2, new ReleaseTaskPaused("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.GRAYSCALE));
        publish("task-t1", 3, new ReleaseTaskPromoted("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.OFFICIAL));
        publish("task-t1", 4, new ReleaseTaskFinished("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.OFFICIAL));
        publish("task-t3", 1, TaskEvents.grayscaleByWhitelist("t3", "20000001", "1.0.2", "w1"));
    }

    @Test
    void aGrayscaleTaskNamesItsWhitelistsWithTheirIdType() {
        publish("whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.DEVICE_ID));
        publish("task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));
        publish("task-t2", 1, TaskEvents.grayscaleByWhitelist("t2", "20000002", "1.0.1", "gone"));

        BatchWrites writes = new MemoryState().apply(topic);

        Ruleset ruleset = writes.rulesets().get(ANDROID);
        assertThat(ruleset.revision()).isEqualTo(2);
        assertThat(ruleset.packages().get(0).active().get(0).whitelists())
                .containsExactly(new WhitelistRef("w1", IdType.DEVICE_ID));
        assertThat(ruleset.packages().get(1).active().get(0).whitelists()).isEmpty();
    }

    @Test
    void aTaskIsPausedPromotedAndFinishedIntoTheBaseline() {
        aWhitelistAndATaskThatGoesAllTheWay();

        Ruleset ruleset = new MemoryState().apply(topic).rulesets().get(ANDROID);

        assertThat(ruleset.revision()).isEqualTo(topic.size() - 1);
        var checkout = ruleset.packages().get(0);
        assertThat(checkout.packageId()).isEqualTo("20000001");
        assertThat(checkout.finished()).extracting(f -> f.version()).containsExactly("1.0.1");
        assertThat(checkout.active()).extracting(ActiveRelease::taskId).containsExactly("t3");
        assertThat(ruleset.packages().get(1).active().get(0).releaseType()).isEqualTo(ReleaseType.OFFICIAL);
    }

    @Test
    void aPromotedTaskIsOfficialWithoutAudienceOrRules() {
        publish("task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));
        publish("task-t1", 2, new ReleaseTaskPaused("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.GRAYSCALE));
        publish("task-t1", 3, new ReleaseTaskPromoted("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.OFFICIAL));

        ActiveRelease task = new MemoryState().apply(topic).rulesets().get(ANDROID).packages().get(0).active().get(0);

        assertThat(task.releaseType()).isEqualTo(ReleaseType.OFFICIAL);
        assertThat(task.paused()).isFalse();
        assertThat(task.grayscale()).isNull();
        assertThat(task.rules()).isEmpty();
        assertThat(task.audienceRevision()).as("no audience to remember answers about").isNull();
    }

    @Test
    void aCancelledTaskLeavesAndAPackageWithNothingLeftIsDropped() {
        publish("task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1"));
        publish("task-t1", 2, new ReleaseTaskCancelled("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.OFFICIAL));

        Ruleset ruleset = new MemoryState().apply(topic).rulesets().get(ANDROID);

        assertThat(ruleset.packages()).isEmpty();
        assertThat(ruleset.revision()).isEqualTo(1);
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        aWhitelistAndATaskThatGoesAllTheWay();
        MemoryState state = new MemoryState();
        state.apply(topic);
        String before = RulesetJson.write(state.rulesets.get(ANDROID));

        BatchWrites again = state.apply(topic);

        assertThat(again.applied()).isZero();
        assertThat(again.skipped()).isEqualTo(topic.size());
        assertThat(again.isEmpty()).isTrue();
        assertThat(RulesetJson.write(state.rulesets.get(ANDROID))).isEqualTo(before);
    }

    @Test
    void aDuplicateInsideOneBatchIsAppliedOnce() {
        publish("task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1"));
        publish("task-t1", 1, TaskEvents.official("t1", "20000001", "1.0.1"));

        BatchWrites writes = new MemoryState().apply(topic);

        assertThat(writes.applied()).isEqualTo(1);
        assertThat(writes.skipped()).isEqualTo(1);
        assertThat(writes.rulesets().get(ANDROID).revision()).isZero();
    }

    @Test
    void howTheTopicIsCutIntoBatchesDoesNotChangeTheResult() {
        aWhitelistAndATaskThatGoesAllTheWay();
        MemoryState whole = new MemoryState();
        whole.apply(topic);

        for (int size = 1; size < topic.size(); size++) {
            MemoryState cut = new MemoryState();
            for (int from = 0; from < topic.size(); from += size) {
                cut.apply(topic.subList(from, Math.min(topic.size(), from + size)));
            }
            assertThat(RulesetJson.write(cut.rulesets.get(ANDROID)))
                    .as("batches of %d", size)
                    .isEqualTo(RulesetJson.write(whole.rulesets.get(ANDROID)));
        }
    }

    @Test
    void whitelistChangesKeepTheirOrderAndADeletedWhitelistIsForgotten() {
        publish("whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        publish("whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of("u1")));
        publish("whitelist-w1", 3, new WhitelistDeleted("w1"));
        publish("task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));

        BatchWrites writes = new MemoryState().apply(topic);

        assertThat(writes.whitelistOps()).extracting(op -> op.getClass().getSimpleName())
                .containsExactly("Define", "AddMembers", "Drop");
        assertThat(writes.rulesets().get(ANDROID).packages().get(0).active().get(0).whitelists()).isEmpty();
        assertThat(writes.appliedVersions().get(APP)).containsEntry("whitelist-w1", 3L).containsEntry("task-t1", 1L);
    }

    @Test
    void aMembershipChangeGivesEverySegmentThatNamesTheWhitelistANewRevision() {
        MemoryState state = new MemoryState();
        publish("whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        publish("whitelist-w2", 1, new WhitelistCreated("w2", "staff", IdType.USER_ID));
        publish("task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));
        state.apply(topic.subList(0, 3));

        publish("whitelist-w2", 2, new WhitelistMembersAdded("w2", List.of("u9")));
        assertThat(state.apply(topic.subList(3, 4)).rulesets()).as("no task names w2").isEmpty();

        publish("whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of("u1")));
        publish("whitelist-w1", 3, new WhitelistMembersRemoved("w1", List.of("u2")));
        List<PackageRules> before = state.rulesets.get(ANDROID).packages();
        BatchWrites writes = state.apply(topic.subList(4, 6));

        assertThat(writes.rulesets()).containsOnlyKeys(ANDROID);
        assertThat(writes.rulesets().get(ANDROID).revision()).isEqualTo(5);
        assertThat(audienceRevision(writes.rulesets().get(ANDROID), "t1")).isEqualTo(5);
        assertThat(withoutAudienceRevisions(writes.rulesets().get(ANDROID).packages()))
                .as("nothing else of the tasks changed").isEqualTo(withoutAudienceRevisions(before));

        publish("whitelist-w1", 4, new WhitelistDeleted("w1"));
        Ruleset afterDelete = state.apply(topic.subList(6, 7)).rulesets().get(ANDROID);
        assertThat(afterDelete.revision()).isEqualTo(6);
        assertThat(audienceRevision(afterDelete, "t1")).isEqualTo(6);
    }

    @Test
    void aGrayscaleTasksAudienceRevisionIsItsCreationUntilAWhitelistItNamesChangesMembers() {
        publish("whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        publish("whitelist-w2", 1, new WhitelistCreated("w2", "staff", IdType.USER_ID));
        publish("task-t1", 1, TaskEvents.grayscaleByWhitelist("t1", "20000001", "1.0.1", "w1"));
        publish("task-t2", 1, TaskEvents.grayscaleByWhitelist("t2", "20000002", "1.0.1", "w2"));
        publish("task-t3", 1, TaskEvents.official("t3", "20000003", "1.0.1"));
        publish("task-t4", 1, new ReleaseTaskCreated("t4", "20000004", "1.0.1", Platform.ANDROID,
                ReleaseType.GRAYSCALE, GrayscaleSpec.timeWindow(Instant.parse("2026-12-01T00:00:00Z"), 100),
                List.of(), null, null, TaskEvents.artifact("20000004", "1.0.1")));
        publish("task-t1", 2, new ReleaseTaskPaused("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.GRAYSCALE));
        publish("whitelist-w2", 2, new WhitelistMembersAdded("w2", List.of("u1")));
        publish("task-t1", 3, new ReleaseTaskResumed("t1", "20000001", "1.0.1", Platform.ANDROID,
                ReleaseType.GRAYSCALE));
        publish("whitelist-w1", 2, new WhitelistMembersAdded("w1", List.of()));

        MemoryState whole = new MemoryState();
        Ruleset ruleset = whole.apply(topic).rulesets().get(ANDROID);

        assertThat(ruleset.revision()).isEqualTo(8);
        assertThat(audienceRevision(ruleset, "t1")).as("paused and resumed, its whitelist unchanged").isEqualTo(2);
        assertThat(audienceRevision(ruleset, "t2")).as("its whitelist's members changed").isEqualTo(7);
        assertThat(audienceRevision(ruleset, "t3")).as("official").isNull();
        assertThat(audienceRevision(ruleset, "t4")).as("a time window").isEqualTo(5);
        for (int size = 1; size < topic.size(); size++) {
            MemoryState cut = new MemoryState();
            for (int from = 0; from < topic.size(); from += size) {
                cut.apply(topic.subList(from, Math.min(topic.size(), from + size)));
            }
            assertThat(cut.rulesets.get(ANDROID)).as("batches of %d", size).isEqualTo(whole.rulesets.get(ANDROID));
        }
    }

    private static Long audienceRevision(Ruleset ruleset, String taskId) {
        return ruleset.packages().stream().flatMap(pkg -> pkg.active().stream())
                .filter(task -> task.taskId().equals(taskId)).findFirst().orElseThrow().audienceRevision();
    }

    private static List<PackageRules> withoutAudienceRevisions(List<PackageRules> packages) {
        return packages.stream().map(pkg -> new PackageRules(pkg.packageId(), pkg.finished(), pkg.active().stream()
                .map(a -> new ActiveRelease(a.taskId(), a.version(), a.releaseType(), a.paused(), a.grayscale(),
                        a.whitelists(), a.rules(), a.artifact()))
                .toList())).toList();
    }

    @Test
    void anEventThatCannotBeAppliedToWhatRedisHoldsIsRejectedAndTheRestApplied() {
        // A stored task whose version no longer parses (written by hand, or by a faulty older release): an event
        // of its package cannot be folded in, but the other packages' events still can.
        MemoryState state = new MemoryState();
        state.rulesets.put(ANDROID, new Ruleset(Ruleset.FORMAT_VERSION, APP, Platform.ANDROID, 1, List.of(
                new PackageRules("20000001", List.of(), List.of(new ActiveRelease("t0", "not-a-version",
                        ReleaseType.OFFICIAL, false, null, List.of(), List.of(),
                        TaskEvents.artifact("20000001", "1.0")))))));
        publish("task-t1", 1, TaskEvents.official("t1", "20000001", "2.0"));
        publish("task-t2", 1, TaskEvents.official("t2", "20000002", "1.0"));

        BatchWrites writes = state.apply(topic);

        assertThat(writes.rejected()).extracting(r -> r.event().offset()).containsExactly(0L);
        assertThat(writes.rejected().get(0).reason()).contains("not-a-version");
        assertThat(writes.rulesets().get(ANDROID).packages()).extracting(p -> p.packageId())
                .containsExactly("20000001", "20000002");
        assertThat(writes.appliedVersions().get(APP)).containsOnlyKeys("task-t2");
    }
}
