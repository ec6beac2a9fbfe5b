package dev.rollgate.gateway.simulate;

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
import dev.rollgate.gateway.audience.AudienceView;
import dev.rollgate.gateway.audience.SlotState;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolution;
import dev.rollgate.gateway.resolve.Resolver;
import dev.rollgate.gateway.simulate.SimulationReport.PackageReport;
import io.smallrye.mutiny.Uni;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For generated segments and a run of generated clients, what simulation says each client gets is what the
 * resolver then gives it, time-window slots and all: simulation looks at the slots first, the resolver then
 * claims one, and the next client sees the claim.
 */
class SimulationAgreesWithResolverTest {

    private static final String APP = "demo-app";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final WhitelistRef TESTERS = new WhitelistRef("wl-testers", IdType.USER_ID);
    private static final WhitelistRef LAB = new WhitelistRef("wl-lab", IdType.DEVICE_ID);
    private static final List<AdvancedRule> RULES = List.of(
            new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of("Hangzhou"), false, false, null),
            new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of("Hangzhou"), true, false, null),
            new AdvancedRule(RuleType.MODEL, null, RuleOperator.STARTS_WITH, List.of("sm-", "Pixel"), false, true,
                    null),
            new AdvancedRule(RuleType.CUSTOM, "battery", RuleOperator.GTE, List.of("20"), false, false,
                    ValueType.NUMBER),
            new AdvancedRule(RuleType.CUSTOM, "channel", RuleOperator.NOT_IN, List.of("stable"), false, false, null));

    /** Whitelist members and slot holders in memory, read by simulation and claimed by the resolver. */
    static final class InMemoryAudience implements Audience, AudienceView {
        final Map<String, Set<String>> members = Map.of(TESTERS.whitelistId(), Set.of("u1", "u2"),
                LAB.whitelistId(), Set.of("d1"));
        /** Per task, the identities of each client holding a slot: one client, one slot, whichever id it sends. */
        final Map<String, List<List<String>>> holders = new HashMap<>();
        boolean down;

        @Override
        public Uni<List<Boolean>> memberships(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
            if (down) {
                return Uni.createFrom().failure(new IllegalStateException("Redis is down"));
            }
            return Uni.createFrom().item(whitelists.stream().map(w -> {
                String id = w.idType() == IdType.USER_ID ? client.userId() : client.deviceId();
                return id == null ? null : members.getOrDefault(w.whitelistId(), Set.of()).contains(id);
            }).toList());
        }

        @Override
        public Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
            return memberships(appKey, whitelists, client).map(list -> list.contains(Boolean.TRUE));
        }

        @Override
        public Uni<SlotState> slotState(String appKey, ActiveRelease release, ClientContext client) {
            if (!Resolver.windowOpen(release, client)) {
                return Uni.createFrom().item(SlotState.ENDED);
            }
            if (client.identity() == null) {
                return Uni.createFrom().item(SlotState.NO_IDENTITY);
            }
            if (down) {
                return Uni.createFrom().item(SlotState.UNKNOWN);
            }
            List<List<String>> taken = holders.getOrDefault(release.taskId(), List.of());
            if (taken.stream().anyMatch(ids -> ids.stream().anyMatch(client.identities()::contains))) {
                return Uni.createFrom().item(SlotState.HELD);
            }
            return Uni.createFrom().item(taken.size() < release.grayscale().usersCount() ? SlotState.FREE
                    : SlotState.NONE_LEFT);
        }

        @Override
        public Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client) {
            if (down) {
                return Uni.createFrom().failure(new IllegalStateException("Redis is down"));
            }
            return slotState(appKey, release, client).map(state -> {
                if (state == SlotState.FREE) {
                    holders.computeIfAbsent(release.taskId(), id -> new ArrayList<>()).add(client.identities());
                }
                return state == SlotState.HELD || state == SlotState.FREE;
            });
        }
    }

    private static VersionArtifact fitting(String min, String max) {
        return new VersionArtifact("https://cdn.example/p.zip", "ab".repeat(32), 1024, null, null, min, max);
    }

    private Arbitrary<ActiveRelease> tasks() {
        Arbitrary<GrayscaleSpec> whitelist = Arbitraries.of(List.of(TESTERS), List.of(LAB), List.of(TESTERS, LAB))
                .map(refs -> GrayscaleSpec.whitelist(refs.stream().map(WhitelistRef::whitelistId).toList()));
        Arbitrary<GrayscaleSpec> window = Combinators.combine(Arbitraries.of(-60L, 3600L), Arbitraries.longs()
                .between(1, 3)).as((end, users) -> GrayscaleSpec.timeWindow(NOW.plusSeconds(end), users));
        Arbitrary<GrayscaleSpec> audience = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.<GrayscaleSpec>just(null)),
                Tuple.of(3, whitelist), Tuple.of(3, window));
        Arbitrary<List<AdvancedRule>> rules = Arbitraries.of(RULES).list().ofMaxSize(2);
        Arbitrary<VersionArtifact> range = Arbitraries.of(fitting("1.0", null), fitting("11", null),
                fitting("9", "10.5"));
        return Combinators.combine(audience, rules, range, Arbitraries.of(false, false, false, true))
                .as((spec, taskRules, artifact, paused) -> new ActiveRelease("t", "0", spec == null
                        ? ReleaseType.OFFICIAL : ReleaseType.GRAYSCALE, paused, spec, spec == null ? List.of()
                        : whitelistsOf(spec), taskRules, artifact));
    }

    private static List<WhitelistRef> whitelistsOf(GrayscaleSpec spec) {
        return spec.whitelistIds() == null ? List.of() : spec.whitelistIds().stream()
                .map(id -> id.equals(TESTERS.whitelistId()) ? TESTERS : LAB).toList();
    }

    @Provide
    Arbitrary<List<PackageRules>> segments() {
        return packages().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<ClientContext>> clientRuns() {
        return clients().list().ofMinSize(1).ofMaxSize(12);
    }

    private Arbitrary<PackageRules> packages() {
        Arbitrary<List<FinishedVersion>> finished = Arbitraries.of(
                List.<FinishedVersion>of(),
                List.of(new FinishedVersion("1.0.0", fitting("1.0", null))),
                List.of(new FinishedVersion("1.0.0", fitting("11", null)),
                        new FinishedVersion("0.9.0", fitting("1.0", "10.5"))));
        return Combinators.combine(Arbitraries.of("00000001", "00000002", "00000003"), finished,
                        tasks().list().ofMaxSize(4))
                .as((packageId, versions, tasks) -> new PackageRules(packageId, versions,
                        IntStream.range(0, tasks.size()).mapToObj(i -> numbered(packageId, i, tasks.get(i))).toList()));
    }

    /** Task ids and versions of their own, so that each task is told apart and their order is known. */
    private static ActiveRelease numbered(String packageId, int index, ActiveRelease task) {
        return new ActiveRelease("t-" + packageId + "-" + index, "2." + index + ".0", task.releaseType(),
                task.paused(), task.grayscale(), task.whitelists(), task.rules(), task.artifact());
    }

    private Arbitrary<ClientContext> clients() {
        Arbitrary<String> userId = Arbitraries.of("u1", "u2", "u3", "u4").injectNull(0.25);
        Arbitrary<String> deviceId = Arbitraries.of("d1", "d2", "d3").injectNull(0.4);
        Arbitrary<String> city = Arbitraries.of("Hangzhou", "Beijing").injectNull(0.2);
        Arbitrary<String> model = Arbitraries.of("SM-S918B", "Pixel 8", "iPhone 15").injectNull(0.2);
        Arbitrary<Map<String, String>> attributes = Combinators.combine(
                        Arbitraries.of("5", "20", "80", "n/a").injectNull(0.3),
                        Arbitraries.of("stable", "beta").injectNull(0.3))
                .as((battery, channel) -> {
                    Map<String, String> sent = new HashMap<>();
                    if (battery != null) {
                        sent.put("battery", battery);
                    }
                    if (channel != null) {
                        sent.put("channel", channel);
                    }
                    return sent;
                });
        Arbitrary<Set<String>> packageIds = Arbitraries.of(Set.of(), Set.of(), Set.of("00000002"),
                Set.of("00000001", "00000003"));
        return Combinators.combine(Arbitraries.of("10.2", "12.0"), userId, deviceId, city, model, attributes,
                        packageIds)
                .as((version, user, device, inCity, phone, sent, wanted) -> new ClientContext(Platform.ANDROID,
                        Version.parse(version), user, device, inCity, phone, null, null, sent, wanted, NOW));
    }

    @Property(tries = 300)
    void whatSimulationSaysAClientGetsIsWhatTheResolverGivesIt(
            @ForAll("segments") List<PackageRules> packages, @ForAll("clientRuns") List<ClientContext> clients,
            @ForAll boolean redisDown) {
        Map<String, PackageRules> byId = new HashMap<>();
        packages.forEach(pkg -> byId.putIfAbsent(pkg.packageId(), pkg));
        CompiledSegment segment = CompiledSegment.of(new Ruleset(Ruleset.FORMAT_VERSION, APP, Platform.ANDROID, 1,
                List.copyOf(byId.values())));
        InMemoryAudience audience = new InMemoryAudience();
        audience.down = redisDown;
        Simulation simulation = new Simulation(audience);
        Set<String> outcomes = new HashSet<>();
        for (ClientContext client : clients) {
            SimulationReport report = simulation.explain(segment, client).await().indefinitely();
            List<Resolution> resolved = Resolver.resolve(segment, client, audience).await().indefinitely();

            List<String> simulated = report.packages().stream().filter(p -> p.chosen() != null)
                    .map(p -> p.packageId() + "=" + p.chosen().version() + " by " + p.chosen().taskId()).toList();
            List<String> given = resolved.stream()
                    .map(r -> r.packageId() + "=" + r.version() + " by " + r.taskId()).toList();
            assertThat(simulated).as("for %s", client).isEqualTo(given);
            for (PackageReport pkg : report.packages()) {
                long matched = pkg.tasks().stream().filter(t -> t.outcome().equals("MATCHED")).count();
                assertThat(matched).as("the one task that matched is the one chosen")
                        .isEqualTo(pkg.chosen() != null && pkg.chosen().taskId() != null ? 1 : 0);
                pkg.tasks().forEach(t -> outcomes.add(t.outcome()));
            }
        }
        outcomes.forEach(outcome -> Statistics.label("outcome").collect(outcome));
    }
}
