package dev.rollgate.gateway.simulate;

import dev.rollgate.gateway.resolve.CompiledRelease;
import dev.rollgate.gateway.resolve.ResolutionTrace;
import dev.rollgate.gateway.resolve.TaskOutcome;
import dev.rollgate.gateway.resolve.TaskTests;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the resolver told of one simulated resolution: every task's tests, and why candidates were passed. */
final class TracedDecision implements ResolutionTrace {

    private final Map<CompiledRelease, TaskTests> tests = new ConcurrentHashMap<>();
    private final Map<CompiledRelease, TaskOutcome> refusals = new ConcurrentHashMap<>();

    @Override
    public boolean hearsEveryTest() {
        return true;
    }

    @Override
    public void tested(CompiledRelease task, TaskTests tests) {
        this.tests.put(task, tests);
    }

    @Override
    public void refused(CompiledRelease task, TaskOutcome why) {
        refusals.put(task, why);
    }

    TaskTests tests(CompiledRelease task) {
        return tests.get(task);
    }

    /** Why the candidate's audience did not take the client, or null when it was not asked. */
    TaskOutcome refusal(CompiledRelease task) {
        return refusals.get(task);
    }
}
