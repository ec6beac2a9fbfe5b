package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.version.Version;

import java.util.List;

/** An active task of a package, ready to evaluate. */
public final class CompiledRelease {

    private final ActiveRelease release;
    private final ClientRange range;
    private final List<CompiledRule> rules;
    /** What a client this task admits gets, made once per segment rather than once per client. */
    private final Resolution resolution;
    private final TaskAudience audience;

    /**
     * @param previous the audience of the same task in the segment's previous revision, or null
     * @param shared   the segment's rules and ranges, which this task's are taken from
     */
    CompiledRelease(String packageId, ActiveRelease release, TaskAudience previous, SharedTests shared) {
        this.release = release;
        this.audience = TaskAudience.of(release, previous);
        this.resolution = new Resolution(packageId, release.version(), release.releaseType(), release.artifact(),
                release.taskId());
        this.range = shared.range(release.artifact());
        this.rules = release.rules() == null ? List.of() : release.rules().stream().map(shared::rule).toList();
    }

    public ActiveRelease release() {
        return release;
    }

    Resolution resolution() {
        return resolution;
    }

    /** What the answers remembered about this task's audience are kept under. */
    public TaskAudience audience() {
        return audience;
    }

    public List<CompiledRule> rules() {
        return rules;
    }

    public boolean fits(Version clientVersion) {
        return range.contains(clientVersion);
    }

    public boolean isOfficial() {
        return release.releaseType() == ReleaseType.OFFICIAL;
    }

    public boolean isTimeWindow() {
        return !isOfficial() && release.grayscale() != null && release.grayscale().mode() == GrayscaleMode.TIME_WINDOW;
    }

    /**
     * The client's version fits, the task is not paused and all its rules hold: only its audience is left. Each
     * test is run at most once per request ({@code results}), however many of the segment's tasks share it.
     */
    boolean isCandidateFor(ClientContext client, TestResults results) {
        if (release.paused() || !results.fits(range, client.clientVersion())) {
            return false;
        }
        for (CompiledRule rule : rules) {
            if (!results.holds(rule, client)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #isCandidateFor}, told to a trace that hears every test, which then are all run. */
    boolean isCandidateFor(ClientContext client, TestResults results, ResolutionTrace trace) {
        if (!trace.hearsEveryTest()) {
            return isCandidateFor(client, results);
        }
        TaskTests tests = tests(client);
        trace.tested(this, tests);
        return tests.refusal() == null;
    }

    /** Every test of {@link #isCandidateFor}, none skipped, and the first that refuses the client in its order. */
    TaskTests tests(ClientContext client) {
        boolean fits = fits(client.clientVersion());
        List<TaskTests.RuleTest> results = rules.stream()
                .map(rule -> new TaskTests.RuleTest(rule, rule.clientValue(client), rule.test(client))).toList();
        TaskOutcome refusal = release.paused() ? TaskOutcome.PAUSED
                : !fits ? TaskOutcome.CLIENT_VERSION_OUT_OF_RANGE
                : results.stream().allMatch(TaskTests.RuleTest::held) ? null : TaskOutcome.RULE_FAILED;
        return new TaskTests(fits, results, refusal);
    }

    Version version() {
        return Version.parse(release.version());
    }
}
