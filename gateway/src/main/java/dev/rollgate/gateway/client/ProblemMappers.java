package dev.rollgate.gateway.client;

import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.problems.ProblemResponse;
import dev.rollgate.gateway.cache.RulesUnavailableException;
import dev.rollgate.gateway.reports.ReportsUnavailableException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/** Every error answer of the gateway, as RFC 9457 problem+json; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidClientException e) {
        return ProblemResponse.of(Problem.invalid(e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response unavailable(RulesUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(Problem.of(503, "Service Unavailable", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response missingBody(ConstraintViolationException e) {
        return ProblemResponse.of(Problem.invalid("the request has invalid fields", e.getConstraintViolations().stream()
                .map(v -> new dev.rollgate.contracts.problem.FieldError("body", v.getMessage())).toList()));
    }

    @ServerExceptionMapper
    public Response reportsUnavailable(ReportsUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "Service Unavailable", "reports cannot be taken right now; send them again later"))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("request failed", e);
        return ProblemResponse.of(Problem.of(500, "Internal Server Error", "the request could not be completed"));
    }

}
