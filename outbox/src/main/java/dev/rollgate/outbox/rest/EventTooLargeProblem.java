package dev.rollgate.outbox.rest;

import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.outbox.EventTooLargeException;
import dev.rollgate.problems.ProblemResponse;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A command whose event would be larger than the broker takes: 413, and nothing of it was written. */
public class EventTooLargeProblem {

    @ServerExceptionMapper
    public Response tooLarge(EventTooLargeException e) {
        return ProblemResponse.of(Problem.of(413, "Content Too Large", e.getMessage()));
    }
}
