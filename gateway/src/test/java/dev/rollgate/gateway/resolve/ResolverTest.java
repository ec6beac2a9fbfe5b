package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.contracts.version.Version;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ResolverTest {

    private static final String APP = "demo-app";
    private static final String PKG = "00000001";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final WhitelistRef TESTERS = new WhitelistRef("wl-testers", IdType.USER_ID);
    private static final WhitelistRef LAB_PHONES = new WhitelistRef("wl-lab", IdType.DEVICE_ID);

    private final FakeAudience audience = new FakeAudience();

    /** Whitelist members by whitelist id and time-window slot holders by task id, in memory; counts every question. */
    static final class FakeAudience implements Audience {
        final Map<String, Set<String>> members = new HashMap<>();
        final Map<String, Set<String>> slotHolders = new HashMap<>();
        final List<List<WhitelistRef>> membershipQuestions = new ArrayList<>();
        final List<String> slotQuestions = new ArrayList<>();
        final Set<String> appKeys = new HashSet<>();
        boolean down;

        @Override
        public Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
            appKeys.add(appKey);
            membershipQuestions.add(whitelists);
            if (down) {
                return Uni.createFrom().failure(new IllegalStateException("Redis is down"));
            }
            return Uni.createFrom().item(whitelists.stream().anyMatch(w -> {
                String id = w.idType() == IdType.USER_ID ? client.userId() : client.deviceId();
                return id != null && members.getOrDefault(w.whitelistId(), Set.of()).contains(id);
            }));
        }

        @Override
        public Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client) {
            appKeys.add(appKey);
            slotQuestions.add(release.taskId());
            if (down) {
                return Uni.createFrom().failure(new IllegalStateException("Redis is down"));
            }
            Set<String> holders = slotHolders.computeIfAbsent(release.taskId(), id -> new HashSet<>());
            boolean holds = holders.contains(client.identity())
                    || (holders.size() < release.grayscale().usersCount() && holders.add(client.identity()));
            return Uni.createFrom().item(holds);
        }

        int questions() {
            return membershipQuestions.size() + slotQuestions.size();
        }
    }

    /** Every answer kept, by the compiled task's identity and the client's ids; counts the lookups. */
    static final class MapMemo implements AdmissionMemo {
        private record Key(CompiledRelease release, String userId, String deviceId) {
        }

        final Map<Key, Boolean> answers = new HashMap<>();
        int recollections;

        @Override
        public Recollection recollect(CompiledSegment segment, ClientContext client) {
            recollections++;
            return new Recollection() {
                @Override
                public Boolean recall(CompiledRelease release) {
                    return answers.get(new Key(release, client.userId(), client.deviceId()));
                }

                @Override
                public void remember(CompiledRelease release, boolean admitted) {
                    answers.put(new Key(release, client.userId(), client.deviceId()), admitted);
                }
            };
        }
    }

    private final MapMemo memo = new MapMemo();

    private static VersionArtifact fitting(String min, String max) {
        return new VersionArtifact("https://cdn.example/p.zip", "ab".repeat(32), 1024, null, null, min, max);
    }

    private static ActiveRelease official(String version) {
        return new ActiveRelease("t-" + version, version, ReleaseType.OFFICIAL, false, null, List.of(), List.of(),
                fitting("1.0", null));
    }

    private static ActiveRelease whitelisted(String version, WhitelistRef... whitelists) {
        GrayscaleSpec spec = GrayscaleSpec.whitelist(Arrays.stream(whitelists).map(WhitelistRef::whitelistId).toList());
        return new ActiveRelease("t-" + version, version, ReleaseType.GRAYSCALE, false, spec, List.of(whitelists),
                List.of(), fitting("1.0", null));
    }

    private static ActiveRelease timeWindow(String version, Instant endTime, long usersCount) {
        return new ActiveRelease("t-" + version, version, ReleaseType.GRAYSCALE, false,
                GrayscaleSpec.timeWindow(endTime, usersCount), List.of(), List.of(), fitting("1.0", null));
    }

    private static ActiveRelease paused(ActiveRelease r) {
        return new ActiveRelease(r.taskId(), r.version(), r.releaseType(), true, r.grayscale(), r.whitelists(),
                r.rules(), r.artifact());
    }

    private static ActiveRelease with(ActiveRelease r, List<AdvancedRule> rules, VersionArtifact artifact) {
        return new ActiveRelease(r.taskId(), r.version(), r.releaseType(), r.paused(), r.grayscale(), r.whitelists(),
                rules, artifact);
    }

    private static FinishedVersion finished(String version, String min, String max) {
        return new FinishedVersion(version, fitting(min, max));
    }

    private static PackageRules pkg(String packageId, List<FinishedVersion> finished, ActiveRelease... active) {
        return new PackageRules(packageId, finished, List.of(active));
    }

    private static CompiledSegment segment(PackageRules... packages) {
        return CompiledSegment.of(new Ruleset(Ruleset.FORMAT_VERSION, APP, Platform.ANDROID, 7, List.of(packages)));
    }

    private static ClientContext client(String version, String userId, String deviceId, String city,
                                        Set<String> packageIds, Instant now) {
        return new ClientContext(Platform.ANDROID, Version.parse(version), userId, deviceId, city, null, null, null,
                Map.of(), packageIds, now);
    }

    private static ClientContext client(String userId, String deviceId) {
        return client("10.2.0", userId, deviceId, "Hangzhou", Set.of(), NOW);
    }

    private List<Resolution> resolve(CompiledSegment segment, ClientContext client) {
        return Resolver.resolve(segment, client, audience).await().indefinitely();
    }

    private List<String> versionsRemembering(CompiledSegment segment, ClientContext client) {
        return Resolver.resolve(segment, client, audience, memo).await().indefinitely().stream()
                .map(r -> r.packageId() + "=" + r.version()).toList();
    }

    /** The version each resolved package got, as "packageId=version". */
    private List<String> versions(CompiledSegment segment, ClientContext client) {
        return resolve(segment, client).stream().map(r -> r.packageId() + "=" + r.version()).toList();
    }

    @Test
    void theHighestMatchingVersionWins() {
        CompiledSegment segment = segment(pkg(PKG, List.of(), official("1.9.0"), official("1.10.0"), official("1.2.0")));
        List<Resolution> resolved = resolve(segment, client("alice", null));
        assertThat(resolved).extracting(Resolution::version, Resolution::taskId, Resolution::releaseType)
                .containsExactly(tuple("1.10.0", "t-1.10.0", ReleaseType.OFFICIAL));
        assertThat(audience.questions()).isZero();
    }

    @Test
    void aPausedTaskIsSkipped() {
        CompiledSegment segment = segment(pkg(PKG, List.of(), paused(official("2.0.0")), official("1.0.0")));
        assertThat(versions(segment, client("alice", null))).containsExactly(PKG + "=1.0.0");
    }

    @Test
    void aTaskWhoseClientRangeMissesTheClientIsSkipped() {
        CompiledSegment segment = segment(pkg(PKG, List.of(),
                with(official("3.0.0"), List.of(), fitting("11", null)),
                with(official("2.0.0"), List.of(), fitting("9", "10.1.9")),
                with(official("1.0.0"), List.of(), fitting("10.0", "10.2"))));
        assertThat(versions(segment, client("alice", null))).containsExactly(PKG + "=1.0.0");
        assertThat(versions(segment, client("11.0.0", "alice", null, null, Set.of(), NOW)))
                .containsExactly(PKG + "=3.0.0");
    }

    @Test
    void aFailingRuleSkipsTheTaskWithoutAskingItsAudience() {
        AdvancedRule inHangzhou = new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of("Hangzhou"), false,
                false, null);
        audience.members.put(TESTERS.whitelistId(), Set.of("alice"));
        CompiledSegment segment = segment(pkg(PKG, List.of(),
                with(whitelisted("2.0.0", TESTERS), List.of(inHangzhou), fitting("1.0", null)), official("1.0.0")));
        assertThat(versions(segment, client("10.2.0", "alice", null, "Beijing", Set.of(), NOW)))
                .containsExactly(PKG + "=1.0.0");
        assertThat(audience.questions()).isZero();
        assertThat(versions(segment, client("alice", null))).containsExactly(PKG + "=2.0.0");
    }

    @Test
    void tasksSharingRulesAndRangesShareTheirTestsAndEachStillGetsItsOwnAnswer() {
        AdvancedRule inHangzhou = new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of("Hangzhou"), false,
                false, null);
        AdvancedRule inHangzhouAgain = new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of("Hangzhou"),
                false, false, null);
        AdvancedRule samsung = new AdvancedRule(RuleType.MODEL, null, RuleOperator.STARTS_WITH, List.of("SM-"), false,
                true, null);
        audience.members.put(TESTERS.whitelistId(), Set.of("alice"));
        CompiledSegment segment = segment(
                pkg("p1", List.of(finished("1.0.0", "1.0", null)),
                        with(whitelisted("2.0.0", TESTERS), List.of(inHangzhou), fitting("10.0", null))),
                pkg("p2", List.of(finished("1.0.0", "1.0", null)),
                        with(official("3.0.0"), List.of(inHangzhouAgain), fitting("10.0", null))),
                pkg("p3", List.of(finished("1.0.0", "1.0", null)),
                        with(official("4.0.0"), List.of(inHangzhou), fitting("11.0", null))),
                pkg("p4", List.of(finished("1.0.0", "1.0", null)),
                        with(official("5.0.0"), List.of(inHangzhou, samsung), fitting("10.0", null))));
        CompiledRule first = segment.packages().get(0).active().get(0).rules().get(0);
        assertThat(segment.packages().get(1).active().get(0).rules().get(0)).isSameAs(first);
        assertThat(segment.packages().get(3).active().get(0).rules()).first().isSameAs(first);

        // The same city rule holds for all four; the ranges and the model rule tell them apart.
        assertThat(versions(segment, client("alice", null)))
                .containsExactly("p1=2.0.0", "p2=3.0.0", "p3=1.0.0", "p4=1.0.0");
        assertThat(versions(segment, client("11.0.0", "bob", null, "Hangzhou", Set.of(), NOW)))
                .containsExactly("p1=1.0.0", "p2=3.0.0", "p3=4.0.0", "p4=1.0.0");
        assertThat(versions(segment, client("11.0.0", "bob", null, "Beijing", Set.of(), NOW)))
                .containsExactly("p1=1.0.0", "p2=1.0.0", "p3=1.0.0", "p4=1.0.0");
        ClientContext samsungInHangzhou = new ClientContext(Platform.ANDROID, Version.parse("10.2.0"), "bob", null,
                "Hangzhou", "sm-s918b", null, null, Map.of(), Set.of(), NOW);
        assertThat(versions(segment, samsungInHangzhou))
                .containsExactly("p1=1.0.0", "p2=3.0.0", "p3=1.0.0", "p4=5.0.0");
    }

    @Test
    void anOfficialTaskMatchesEveryClientInRange() {
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("0.9.0", "1.0", null)), official("1.0.0")));
        assertThat(versions(segment, client(null, null))).containsExactly(PKG + "=1.0.0");
        assertThat(versions(segment, client("bob", "device-9"))).containsExactly(PKG + "=1.0.0");
        assertThat(audience.questions()).isZero();
    }

    @Test
    void aUserIdWhitelistTakesItsUsers() {
        audience.members.put(TESTERS.whitelistId(), Set.of("alice"));
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                whitelisted("2.0.0", TESTERS)));
        assertThat(resolve(segment, client("alice", null))).extracting(Resolution::version, Resolution::taskId)
                .containsExactly(tuple("2.0.0", "t-2.0.0"));
        assertThat(versions(segment, client("bob", "alice"))).containsExactly(PKG + "=1.0.0");
        assertThat(audience.membershipQuestions).containsOnly(List.of(TESTERS));
        assertThat(audience.appKeys).containsExactly(APP);
    }

    @Test
    void aDeviceIdWhitelistTakesItsDevices() {
        audience.members.put(LAB_PHONES.whitelistId(), Set.of("device-7"));
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                whitelisted("2.0.0", TESTERS, LAB_PHONES)));
        assertThat(versions(segment, client("bob", "device-7"))).containsExactly(PKG + "=2.0.0");
        assertThat(versions(segment, client("device-7", "device-8"))).containsExactly(PKG + "=1.0.0");
        assertThat(audience.membershipQuestions).containsOnly(List.of(TESTERS, LAB_PHONES));
    }

    @Test
    void beforeItsEndTimeATimeWindowTaskTakesTheClientsThatHoldOrClaimASlot() {
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                timeWindow("2.0.0", NOW.plusSeconds(1), 2)));
        assertThat(versions(segment, client("alice", null))).containsExactly(PKG + "=2.0.0");
        assertThat(versions(segment, client(null, "device-7"))).containsExactly(PKG + "=2.0.0");
        assertThat(versions(segment, client("carol", null))).containsExactly(PKG + "=1.0.0");
        assertThat(versions(segment, client("alice", "another-phone"))).containsExactly(PKG + "=2.0.0");
        assertThat(audience.slotHolders.get("t-2.0.0")).containsExactlyInAnyOrder("u:alice", "d:device-7");
        assertThat(audience.slotQuestions).hasSize(4);
    }

    @Test
    void afterItsEndTimeATimeWindowTaskMatchesNobodyAndAsksNothing() {
        CompiledSegment endsNow = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                timeWindow("2.0.0", NOW, 1000)));
        CompiledSegment endedBefore = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                timeWindow("2.0.0", NOW.minusSeconds(60), 1000)));
        assertThat(versions(endsNow, client("alice", "device-7"))).containsExactly(PKG + "=1.0.0");
        assertThat(versions(endedBefore, client("alice", "device-7"))).containsExactly(PKG + "=1.0.0");
        assertThat(audience.questions()).isZero();
    }

    @Test
    void aClientWithoutUserIdOrDeviceIdGetsNoSlotAndAsksNothing() {
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                timeWindow("2.0.0", NOW.plusSeconds(3600), 1000)));
        assertThat(versions(segment, client(null, null))).containsExactly(PKG + "=1.0.0");
        assertThat(audience.questions()).isZero();
    }

    @Test
    void aLowerTasksSlotIsNeverClaimedWhenAHigherTaskMatched() {
        audience.members.put(TESTERS.whitelistId(), Set.of("carol"));
        CompiledSegment segment = segment(pkg(PKG, List.of(), whitelisted("3.0.0", TESTERS),
                timeWindow("2.0.0", NOW.plusSeconds(3600), 10), timeWindow("1.5.0", NOW.plusSeconds(3600), 10)));
        assertThat(versions(segment, client("carol", null))).containsExactly(PKG + "=3.0.0");
        assertThat(audience.slotQuestions).isEmpty();
        assertThat(versions(segment, client("alice", null))).containsExactly(PKG + "=2.0.0");
        assertThat(audience.slotQuestions).containsExactly("t-2.0.0");
        assertThat(audience.slotHolders.get("t-1.5.0")).isNull();
        CompiledSegment officialOnTop = segment(pkg(PKG, List.of(), official("4.0.0"),
                timeWindow("1.5.0", NOW.plusSeconds(3600), 10)));
        assertThat(versions(officialOnTop, client("bob", null))).containsExactly(PKG + "=4.0.0");
        assertThat(audience.slotQuestions).containsExactly("t-2.0.0");
    }

    @Test
    void aClientLeftOutOfAHigherGrayscaleTaskGetsTheLowerOfficialOne() {
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("0.9.0", "1.0", null)),
                whitelisted("2.0.0", TESTERS), official("1.0.0")));
        assertThat(versions(segment, client("bob", null))).containsExactly(PKG + "=1.0.0");
        assertThat(audience.membershipQuestions).hasSize(1);
    }

    @Test
    void withoutAMatchTheBaselineIsTheHighestFinishedVersionThatFits() {
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "9", null), finished("1.2.0", "11", null),
                finished("1.1.0", "10", "10.2")), whitelisted("2.0.0", TESTERS)));
        List<Resolution> resolved = resolve(segment, client("bob", null));
        assertThat(resolved).extracting(Resolution::version, Resolution::taskId, Resolution::releaseType)
                .containsExactly(tuple("1.1.0", null, ReleaseType.OFFICIAL));
        assertThat(resolved.getFirst().artifact()).isEqualTo(fitting("10", "10.2"));
        assertThat(versions(segment, client("12", "bob", null, null, Set.of(), NOW))).containsExactly(PKG + "=1.2.0");
    }

    @Test
    void aPackageWithNeitherAMatchNorABaselineIsLeftOut() {
        CompiledSegment segment = segment(
                pkg("00000001", List.of(finished("1.0.0", "11", null)), paused(official("2.0.0"))),
                pkg("00000002", List.of(), whitelisted("2.0.0", TESTERS)),
                pkg("00000003", List.of(finished("1.0.0", "1.0", null))));
        assertThat(versions(segment, client("bob", null))).containsExactly("00000003=1.0.0");
    }

    @Test
    void onlyTheAskedPackagesAreResolved() {
        CompiledSegment segment = segment(pkg("00000001", List.of(), official("1.0.0")),
                pkg("00000002", List.of(), official("2.0.0")), pkg("00000003", List.of(), official("3.0.0")));
        assertThat(versions(segment, client("10.2", "bob", null, null, Set.of("00000002", "00000009"), NOW)))
                .containsExactly("00000002=2.0.0");
        assertThat(versions(segment, client("bob", null))).hasSize(3);
    }

    @Test
    void resultsAreSortedByPackageId() {
        audience.members.put(TESTERS.whitelistId(), Set.of("alice"));
        CompiledSegment segment = segment(pkg("00000003", List.of(), official("3.0.0")),
                pkg("00000001", List.of(), whitelisted("1.0.0", TESTERS)),
                pkg("00000002", List.of(), official("2.0.0")));
        assertThat(versions(segment, client("alice", null)))
                .containsExactly("00000001=1.0.0", "00000002=2.0.0", "00000003=3.0.0");
    }

    @Test
    void aClientSeenAgainIsAnsweredFromTheMemoWithoutAskingTheAudience() {
        audience.members.put(TESTERS.whitelistId(), Set.of("alice"));
        PackageRules byWhitelist = pkg(PKG, List.of(finished("1.0.0", "1.0", null)), whitelisted("2.0.0", TESTERS));
        PackageRules byWindow = pkg("00000002", List.of(finished("1.0.0", "1.0", null)),
                timeWindow("2.0.0", NOW.plusSeconds(3600), 1));
        CompiledSegment segment = segment(byWhitelist, byWindow);
        for (int visit = 0; visit < 3; visit++) {
            assertThat(versionsRemembering(segment, client("alice", null)))
                    .containsExactly(PKG + "=2.0.0", "00000002=2.0.0");
            assertThat(versionsRemembering(segment, client("bob", null)))
                    .containsExactly(PKG + "=1.0.0", "00000002=1.0.0");
        }
        assertThat(audience.membershipQuestions).hasSize(2);
        assertThat(audience.slotQuestions).hasSize(2);
        assertThat(memo.recollections).as("one memo lookup per request, however many of its tasks ask")
                .isEqualTo(6);

        CompiledSegment nextRevision = segment(byWhitelist, byWindow);
        audience.members.put(TESTERS.whitelistId(), Set.of("alice", "bob"));
        assertThat(versionsRemembering(nextRevision, client("bob", null))).as("a new revision asks again")
                .containsExactly(PKG + "=2.0.0", "00000002=1.0.0");
        assertThat(audience.questions()).isEqualTo(6);
    }

    @Test
    void aClientSeenAgainWalksPastARefusalFromTheMemoToo() {
        audience.members.put(TESTERS.whitelistId(), Set.of("alice"));
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                whitelisted("3.0.0", TESTERS), timeWindow("2.0.0", NOW.plusSeconds(3600), 10)));
        for (int visit = 0; visit < 3; visit++) {
            assertThat(versionsRemembering(segment, client("bob", null))).as("refused by the whitelist, then a slot")
                    .containsExactly(PKG + "=2.0.0");
        }
        assertThat(audience.membershipQuestions).hasSize(1);
        assertThat(audience.slotQuestions).hasSize(1);
    }

    @Test
    void aClientNoGrayscaleTaskCouldTakeCostsNoMemoLookup() {
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)), official("2.0.0")),
                pkg("00000002", List.of(finished("1.0.0", "1.0", null)),
                        with(whitelisted("2.0.0", TESTERS), List.of(new AdvancedRule(RuleType.CITY, null,
                                RuleOperator.IN, List.of("Paris"), false, false, null)), fitting("1.0", null))));
        assertThat(versionsRemembering(segment, client("alice", null)))
                .containsExactly(PKG + "=2.0.0", "00000002=1.0.0");
        assertThat(memo.recollections).isZero();
        assertThat(audience.questions()).isZero();
    }

    @Test
    void whenTheAudienceFailsTheTaskFailsClosedAndNothingIsRemembered() {
        audience.members.put(TESTERS.whitelistId(), Set.of("alice"));
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                whitelisted("3.0.0", TESTERS), timeWindow("2.0.0", NOW.plusSeconds(3600), 10)));
        audience.down = true;
        assertThat(versionsRemembering(segment, client("alice", null))).containsExactly(PKG + "=1.0.0");
        assertThat(memo.answers).isEmpty();

        audience.down = false;
        assertThat(versionsRemembering(segment, client("alice", null))).containsExactly(PKG + "=3.0.0");
        assertThat(memo.answers).hasSize(1);
    }

    @Test
    void aRememberedSlotAdmitsNobodyOnceTheWindowHasEnded() {
        CompiledSegment segment = segment(pkg(PKG, List.of(finished("1.0.0", "1.0", null)),
                timeWindow("2.0.0", NOW.plusSeconds(60), 10)));
        assertThat(versionsRemembering(segment, client("alice", null))).containsExactly(PKG + "=2.0.0");
        ClientContext later = client("10.2.0", "alice", null, "Hangzhou", Set.of(), NOW.plusSeconds(61));
        assertThat(versionsRemembering(segment, later)).containsExactly(PKG + "=1.0.0");
        assertThat(audience.slotQuestions).hasSize(1);
    }

    @Test
    void anAnswerHoldsUntilTheNextWindowEndsAndForeverWithoutOne() {
        CompiledSegment windows = segment(pkg("p1", List.of(finished("1.0.0", "1.0", null)),
                        timeWindow("1.2.0", NOW.plusSeconds(60), 10)),
                pkg("p2", List.of(finished("1.0.0", "1.0", null)), timeWindow("1.1.0", NOW.plusSeconds(600), 10)));
        CompiledSegment none = segment(pkg("p1", List.of(finished("1.0.0", "1.0", null)), official("1.1.0")));

        assertThat(windows.answersHoldUntil(NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(windows.answersHoldUntil(NOW.plusSeconds(60))).isEqualTo(NOW.plusSeconds(600));
        assertThat(windows.answersHoldUntil(NOW.plusSeconds(600))).isEqualTo(Instant.MAX);
        assertThat(none.answersHoldUntil(NOW)).isEqualTo(Instant.MAX);
    }

    @Test
    void anAnswerOfASegmentWhoseRuleReadsTheClockHoldsNoLongerThanTheMoment() {
        AdvancedRule beforeNewYear = new AdvancedRule(RuleType.CUSTOM, ClientContext.CURRENT_TIME, RuleOperator.LT,
                List.of("2027-01-01T00:00:00Z"), false, false, ValueType.DATE);
        CompiledSegment segment = segment(pkg("p1", List.of(finished("1.0.0", "1.0", null)),
                with(official("1.1.0"), List.of(beforeNewYear), fitting("1.0", null))));

        assertThat(segment.answersHoldUntil(NOW)).isEqualTo(NOW);
    }
}
