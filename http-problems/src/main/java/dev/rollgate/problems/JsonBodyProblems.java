package dev.rollgate.problems;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.rollgate.contracts.problem.JsonProblems;
import dev.rollgate.contracts.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** A body that is not the JSON an endpoint takes: 400 problem+json naming the field, in every service. */
public class JsonBodyProblems {

    /** Also for a service's own mapper of exceptions that wrap a JSON failure. */
    public static Response unreadable(JsonProcessingException e) {
        Problem problem = Problem.invalid("the body is not the JSON this endpoint takes",
                List.of(JsonProblems.fieldError(e)));
        return ProblemResponse.of(problem);
    }

    // Quarkus REST maps the subtypes itself (without a problem body), and the most specific mapper wins, so
    // each is named here as well as their common type.
    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class,
        MismatchedInputException.class, JsonParseException.class})
    public Response unreadableBody(JsonProcessingException e) {
        return unreadable(e);
    }
}
