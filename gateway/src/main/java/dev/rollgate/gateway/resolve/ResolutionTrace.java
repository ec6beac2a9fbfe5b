package dev.rollgate.gateway.resolve;

/**
 * The {@link Resolver}'s decision with its reasons, told while it is made: what simulation explains, so that it
 * explains the resolver's own path rather than a copy of it. The client API passes {@link #NONE}, which hears
 * nothing and asks for no extra test, so that resolving costs what it would without a trace.
 */
public interface ResolutionTrace {

    ResolutionTrace NONE = new ResolutionTrace() {
    };

    /**
     * Whether to hear every test of every active task, at the cost of running them all: the resolver otherwise
     * stops at a task's first failing test and tells nothing.
     */
    default boolean hearsEveryTest() {
        return false;
    }

    /** How an active task's own tests went for the client; only when {@link #hearsEveryTest()}. */
    default void tested(CompiledRelease task, TaskTests tests) {
    }

    /**
     * A candidate that did not take the client for its audience: it cannot take the client (an ended window, no
     * identity, no whitelist), or it was asked, or remembered, and said no. The resolver goes on below it.
     */
    default void refused(CompiledRelease task, TaskOutcome why) {
    }
}
