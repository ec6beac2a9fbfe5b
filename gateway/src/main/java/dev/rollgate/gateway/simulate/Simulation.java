package dev.rollgate.gateway.simulate;

import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.gateway.audience.RedisAudience;
import dev.rollgate.gateway.audience.SlotState;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledPackage;
import dev.rollgate.gateway.resolve.CompiledRelease;
import dev.rollgate.gateway.resolve.CompiledRule;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolver;
import dev.rollgate.gateway.simulate.SimulationReport.AudienceReport;
import dev.rollgate.gateway.simulate.SimulationReport.Chosen;
import dev.rollgate.gateway.simulate.SimulationReport.PackageReport;
import dev.rollgate.gateway.simulate.SimulationReport.RuleReport;
import dev.rollgate.gateway.simulate.SimulationReport.TaskReport;
import dev.rollgate.gateway.simulate.SimulationReport.WhitelistCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Explains a resolution: the same order and the same tests as {@link Resolver}, each one reported, with
 * whitelist membership read and time-window slots looked at but never claimed.
 */
@ApplicationScoped
public class Simulation {

    private final RedisAudience audience;

    Simulation(RedisAudience audience) {
        this.audience = audience;
    }

    public Uni<SimulationReport> explain(CompiledSegment segment, ClientContext client) {
        List<Uni<PackageReport>> packages = new ArrayList<>();
        for (CompiledPackage pkg : segment.packages()) {
            if (client.wants(pkg.packageId())) {
                packages.add(explain(segment.appKey(), pkg, client));
            }
        }
        Uni<List<PackageReport>> all = packages.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(packages).andFailFast();
        return all.map(reports -> new SimulationReport(segment.appKey(), segment.platform().name(),
                segment.revision(), client.now(), reports));
    }

    private Uni<PackageReport> explain(String appKey, CompiledPackage pkg, ClientContext client) {
        List<Uni<TaskReport>> tasks = pkg.active().stream().map(task -> explain(appKey, task, client)).toList();
        Uni<List<TaskReport>> all = tasks.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(tasks).andFailFast();
        return all.map(reports -> decide(pkg, reports, client));
    }

    private Uni<TaskReport> explain(String appKey, CompiledRelease task, ClientContext client) {
        ActiveRelease release = task.release();
        List<RuleReport> rules = task.rules().stream().map(rule -> report(rule, client)).toList();
        boolean fits = task.fits(client.clientVersion());
        String refused = release.paused() ? "PAUSED"
                : !fits ? "CLIENT_VERSION_OUT_OF_RANGE"
                : rules.stream().anyMatch(r -> !r.passed()) ? "RULE_FAILED" : null;
        if (task.isOfficial()) {
            return Uni.createFrom().item(new TaskReport(release.taskId(), release.version(), release.releaseType(),
                    release.paused(), fits, rules, null, refused == null ? "MATCHED" : refused));
        }
        boolean candidate = refused == null;
        return audience(appKey, release, client, candidate).map(report -> new TaskReport(release.taskId(),
                release.version(), release.releaseType(), release.paused(), fits, rules, report,
                candidate ? audienceOutcome(report) : refused));
    }

    private Uni<AudienceReport> audience(String appKey, ActiveRelease release, ClientContext client, boolean ask) {
        if (release.grayscale() == null) {
            return Uni.createFrom().item(new AudienceReport(null, null, null, null, null));
        }
        if (release.grayscale().mode() == GrayscaleMode.WHITELIST) {
            Uni<List<Boolean>> members = ask
                    ? audience.memberships(appKey, release.whitelists(), client)
                    .onFailure().recoverWithItem(() -> release.whitelists().stream().map(w -> (Boolean) null).toList())
                    : Uni.createFrom().item(release.whitelists().stream().map(w -> (Boolean) null).toList());
            return members.map(list -> {
                List<WhitelistCheck> checks = new ArrayList<>();
                for (int i = 0; i < release.whitelists().size(); i++) {
                    var w = release.whitelists().get(i);
                    checks.add(new WhitelistCheck(w.whitelistId(), w.idType(), RedisAudience.idFor(w, client),
                            list.get(i)));
                }
                return new AudienceReport(GrayscaleMode.WHITELIST, checks, null, null, null);
            });
        }
        Uni<SlotState> slot = ask ? audience.slotState(appKey, release, client) : Uni.createFrom().nullItem();
        return slot.map(state -> new AudienceReport(GrayscaleMode.TIME_WINDOW, null, release.grayscale().endTime(),
                release.grayscale().usersCount(), state));
    }

    private static String audienceOutcome(AudienceReport audience) {
        if (audience.mode() == GrayscaleMode.WHITELIST) {
            return audience.whitelists().stream().anyMatch(c -> Boolean.TRUE.equals(c.member()))
                    ? "MATCHED" : "NOT_IN_WHITELIST";
        }
        if (audience.mode() == GrayscaleMode.TIME_WINDOW) {
            return switch (audience.slot()) {
                case HELD, FREE -> "MATCHED";
                case ENDED -> "WINDOW_ENDED";
                case NO_IDENTITY -> "NO_IDENTITY";
                case NONE_LEFT, UNKNOWN -> "NO_SLOT";
            };
        }
        return "NOT_IN_WHITELIST";
    }

    private static PackageReport decide(CompiledPackage pkg, List<TaskReport> tasks, ClientContext client) {
        List<TaskReport> reported = new ArrayList<>(tasks.size());
        TaskReport winner = null;
        for (TaskReport task : tasks) {
            if (winner != null && "MATCHED".equals(task.outcome())) {
                reported.add(new TaskReport(task.taskId(), task.version(), task.releaseType(), task.paused(),
                        task.clientVersionFits(), task.rules(), task.audience(), "NOT_REACHED"));
                continue;
            }
            if (winner == null && "MATCHED".equals(task.outcome())) {
                winner = task;
            }
            reported.add(task);
        }
        FinishedVersion baseline = pkg.baseline(client.clientVersion());
        String baselineVersion = baseline == null ? null : baseline.version();
        if (winner != null) {
            return new PackageReport(pkg.packageId(), reported, baselineVersion,
                    new Chosen(winner.version(), winner.releaseType(), winner.taskId()),
                    "the highest matching task: " + winner.releaseType() + " task " + winner.taskId());
        }
        if (baseline != null) {
            return new PackageReport(pkg.packageId(), reported, baselineVersion,
                    new Chosen(baseline.version(), ReleaseType.OFFICIAL, null),
                    tasks.isEmpty() ? "no active task: the baseline, the highest finished version that fits"
                            : "no task matched: the baseline, the highest finished version that fits");
        }
        return new PackageReport(pkg.packageId(), reported, null, null,
                "no task matched and no finished version fits this client: the package is left out");
    }

    private static RuleReport report(CompiledRule compiled, ClientContext client) {
        var rule = compiled.rule();
        return new RuleReport(rule.type(), rule.attribute(), rule.operator(), rule.values(), rule.inverted(),
                rule.caseInsensitive(), rule.valueType(), compiled.clientValue(client), compiled.test(client));
    }
}
