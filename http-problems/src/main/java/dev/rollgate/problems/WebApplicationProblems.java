package dev.rollgate.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rollgate.contracts.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What Quarkus REST itself refuses (an unknown path, a wrong method or media type, an unreadable body) as
 * problem+json with its own status, in every service; a server error is logged and told without detail.
 */
public class WebApplicationProblems {

    private static final Logger LOG = Logger.getLogger(WebApplicationProblems.class);

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonBodyProblems.unreadable(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return ProblemResponse.of(Problem.of(status, "Internal Server Error",
                    "the request could not be completed"));
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return ProblemResponse.of(Problem.of(status, type == null ? "Error" : type.getReasonPhrase(), e.getMessage()));
    }
}
