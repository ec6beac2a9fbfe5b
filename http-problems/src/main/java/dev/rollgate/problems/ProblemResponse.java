package dev.rollgate.problems;

import dev.rollgate.contracts.problem.Problem;
import jakarta.ws.rs.core.Response;

/** A problem as the HTTP answer every service gives: its status, problem+json, the problem as the body. */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    public static Response of(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
