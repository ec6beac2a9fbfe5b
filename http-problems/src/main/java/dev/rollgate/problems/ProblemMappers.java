package dev.rollgate.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.contracts.problem.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every error answer of every service, as RFC 9457 problem+json; never a stack trace. A service's own
 * failures extend {@link ProblemException} and so need no mapper of their own.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Instance<ConflictTranslation> conflicts;

    ProblemMappers(Instance<ConflictTranslation> conflicts) {
        this.conflicts = conflicts;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        if (e.worthAWarning()) {
            LOG.warn(e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
        }
        Response.ResponseBuilder answer = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.problem());
        if (e.retryAfterSeconds() > 0) {
            answer.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemResponse.of(Problem.invalid(InvalidInputException.DETAIL, errors));
    }

    /** A failure wrapped by a library (Hibernate, Mutiny) is answered as what it wraps. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
            if (cause instanceof JsonProcessingException json) {
                return JsonBodyProblems.unreadable(json);
            }
        }
        for (ConflictTranslation translation : conflicts) {
            Optional<String> detail = translation.detail(e);
            if (detail.isPresent()) {
                return ProblemResponse.of(Problem.of(409, "Conflict", detail.get()));
            }
        }
        LOG.error("request failed", e);
        return ProblemResponse.of(Problem.of(500, "Internal Server Error", "the request could not be completed"));
    }

    /** The request field a violation is about: a body property path, else the path or query parameter. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    // A container element's own node is named like "<list element>": the index says it all.
                    if (node.getName() != null && !node.getName().startsWith("<")) {
                        if (!property.isEmpty()) {
                            property.append('.');
                        }
                        property.append(node.getName());
                    }
                    if (node.getIndex() != null) {
                        property.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                }
            }
        }
        if (!property.isEmpty()) {
            return property.toString();
        }
        return parameter == null || parameter.equals("request") ? "body" : parameter;
    }
}
