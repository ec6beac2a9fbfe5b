package dev.rollgate.gateway.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.problems.JsonBodyProblems;
import dev.rollgate.gateway.cache.RulesUnavailableException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/** Every error answer of the gateway, as RFC 9457 problem+json; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidClientException e) {
        return respond(Problem.invalid(e.getMessage(), e.errors()));
    }

    @ServerExceptionMapper
    public Response unavailable(RulesUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(Problem.of(503, "Service Unavailable", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response missingBody(ConstraintViolationException e) {
        return respond(Problem.invalid("the request has invalid fields", e.getConstraintViolations().stream()
                .map(v -> new dev.rollgate.contracts.problem.FieldError("body", v.getMessage())).toList()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonBodyProblems.unreadable(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return respond(Problem.of(status, type == null ? "Error" : type.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("request failed", e);
        return respond(Problem.of(500, "Internal Server Error", "the request could not be completed"));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
