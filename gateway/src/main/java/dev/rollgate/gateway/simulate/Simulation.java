package dev.rollgate.gateway.simulate;

import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.audience.AudienceView;
import dev.rollgate.gateway.audience.RedisAudience;
import dev.rollgate.gateway.audience.SlotState;
import dev.rollgate.gateway.resolve.AdmissionMemo;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.CompiledPackage;
import dev.rollgate.gateway.resolve.CompiledRelease;
import dev.rollgate.gateway.resolve.CompiledSegment;
import dev.rollgate.gateway.resolve.Resolution;
import dev.rollgate.gateway.resolve.Resolver;
import dev.rollgate.gateway.resolve.TaskOutcome;
import dev.rollgate.gateway.resolve.TaskTests;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Explains a resolution: the {@link Resolver}'s own decision, with the reasons it tells a trace, against an
 * audience that reads whitelist membership and looks at time-window slots but never claims one. No memo: every
 * audience is read as it is now.
 */
@ApplicationScoped
public class Simulation {

    private final AudienceView audience;

    Simulation(AudienceView audience) {
        this.audience = audience;
    }

    public Uni<SimulationReport> explain(CompiledSegment segment, ClientContext client) {
        PeekingAudience peeking = new PeekingAudience(audience);
        TracedDecision trace = new TracedDecision();
        return Resolver.resolve(segment, client, peeking, AdmissionMemo.NONE, trace).map(resolved -> {
            Map<String, Resolution> chosen = resolved.stream()
                    .collect(Collectors.toMap(Resolution::packageId, Function.identity()));
            List<PackageReport> packages = new ArrayList<>();
            for (CompiledPackage pkg : segment.packages()) {
                if (client.wants(pkg.packageId())) {
                    packages.add(report(pkg, chosen.get(pkg.packageId()), client, trace, peeking));
                }
            }
            return new SimulationReport(segment.appKey(), segment.platform().name(), segment.revision(), client.now(),
                    packages);
        });
    }

    private static PackageReport report(CompiledPackage pkg, Resolution chosen, ClientContext client,
                                        TracedDecision trace, PeekingAudience peeked) {
        List<TaskReport> tasks = pkg.active().stream()
                .map(task -> report(task, chosen, client, trace, peeked)).toList();
        FinishedVersion baseline = pkg.baseline(client.clientVersion());
        String baselineVersion = baseline == null ? null : baseline.version();
        if (chosen == null) {
            return new PackageReport(pkg.packageId(), tasks, null, null,
                    "no task matched and no finished version fits this client: the package is left out");
        }
        Chosen version = new Chosen(chosen.version(), chosen.releaseType(), chosen.taskId());
        if (chosen.taskId() != null) {
            return new PackageReport(pkg.packageId(), tasks, baselineVersion, version,
                    "the highest matching task: " + chosen.releaseType() + " task " + chosen.taskId());
        }
        return new PackageReport(pkg.packageId(), tasks, baselineVersion, version, tasks.isEmpty()
                ? "no active task: the baseline, the highest finished version that fits"
                : "no task matched: the baseline, the highest finished version that fits");
    }

    /**
     * A task refused by its own tests says which; the chosen one matched; a candidate the resolver passed says
     * why its audience did not take the client; a candidate it never came to was not reached.
     */
    private static TaskReport report(CompiledRelease task, Resolution chosen, ClientContext client,
                                     TracedDecision trace, PeekingAudience peeked) {
        ActiveRelease release = task.release();
        TaskTests tests = trace.tests(task);
        TaskOutcome outcome = tests.refusal() != null ? tests.refusal()
                : chosen != null && release.taskId().equals(chosen.taskId()) ? TaskOutcome.MATCHED
                : trace.refusal(task) != null ? trace.refusal(task)
                : TaskOutcome.NOT_REACHED;
        List<RuleReport> rules = tests.rules().stream().map(Simulation::report).toList();
        return new TaskReport(release.taskId(), release.version(), release.releaseType(), release.paused(),
                tests.clientVersionFits(), rules, task.isOfficial() ? null : audience(release, outcome, client, peeked),
                outcome.name());
    }

    private static AudienceReport audience(ActiveRelease release, TaskOutcome outcome, ClientContext client,
                                           PeekingAudience peeked) {
        if (release.grayscale() == null) {
            return new AudienceReport(null, null, null, null, null);
        }
        if (release.grayscale().mode() == GrayscaleMode.WHITELIST) {
            List<WhitelistRef> whitelists = release.whitelists() == null ? List.of() : release.whitelists();
            List<Boolean> members = peeked.memberships(whitelists);
            List<WhitelistCheck> checks = new ArrayList<>(whitelists.size());
            for (int i = 0; i < whitelists.size(); i++) {
                WhitelistRef whitelist = whitelists.get(i);
                checks.add(new WhitelistCheck(whitelist.whitelistId(), whitelist.idType(),
                        RedisAudience.idFor(whitelist, client), members == null ? null : members.get(i)));
            }
            return new AudienceReport(GrayscaleMode.WHITELIST, checks, null, null, null);
        }
        // An ended window or a client without an id is passed without looking at the slots.
        SlotState slot = switch (outcome) {
            case WINDOW_ENDED -> SlotState.ENDED;
            case NO_IDENTITY -> SlotState.NO_IDENTITY;
            default -> peeked.slot(release.taskId());
        };
        return new AudienceReport(GrayscaleMode.TIME_WINDOW, null, release.grayscale().endTime(),
                release.grayscale().usersCount(), slot);
    }

    private static RuleReport report(TaskTests.RuleTest test) {
        var rule = test.rule().rule();
        return new RuleReport(rule.type(), rule.attribute(), rule.operator(), rule.values(), rule.inverted(),
                rule.caseInsensitive(), rule.valueType(), test.clientValue(), test.held());
    }
}
