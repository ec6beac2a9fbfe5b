package dev.rollgate.targeting.rest;

import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.targeting.messaging.RebuildRefusedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Operations that cannot be done answer with problem+json. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(RebuildRefusedException e) {
        return problem(Response.Status.CONFLICT, e.getMessage());
    }

    private static Response problem(Response.Status status, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail)).build();
    }
}
