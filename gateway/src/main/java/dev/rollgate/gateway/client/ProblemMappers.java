package dev.rollgate.gateway.client;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rollgate.contracts.problem.JsonProblems;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.gateway.cache.RulesUnavailableException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

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
    public Response unreadableBody(JsonProcessingException e) {
        return respond(Problem.invalid("the body is not the JSON this endpoint takes",
                List.of(JsonProblems.fieldError(e))));
    }

    // Quarkus REST maps these subtypes itself (without a problem body); the more specific mapper wins.
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response malformedBody(JsonParseException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unmappableBody(JsonMappingException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json);
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
