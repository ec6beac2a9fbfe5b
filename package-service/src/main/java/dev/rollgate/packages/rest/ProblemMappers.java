package dev.rollgate.packages.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.problems.JsonBodyProblems;
import dev.rollgate.problems.ProblemResponse;
import dev.rollgate.packages.domain.CatalogConflictException;
import dev.rollgate.packages.domain.InvalidInputException;
import dev.rollgate.packages.domain.PackageTooLargeException;
import dev.rollgate.packages.domain.UnknownResourceException;
import dev.rollgate.packages.service.ObjectStoreException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/** Every error answer of package-service, as RFC 9457 problem+json; never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return ProblemResponse.of(Problem.invalid("the request has invalid fields", e.errors()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ProblemResponse.of(Problem.invalid("the request has invalid fields", errors));
    }

    @ServerExceptionMapper
    public Response unknown(UnknownResourceException e) {
        return ProblemResponse.of(Problem.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooLarge(PackageTooLargeException e) {
        return ProblemResponse.of(Problem.of(413, "Content Too Large", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response storeUnavailable(ObjectStoreException e) {
        return ProblemResponse.of(Problem.of(503, "Service Unavailable", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(CatalogConflictException e) {
        return ProblemResponse.of(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (isUniqueViolation(e)) {
            // Two requests created the same thing at once; the loser is told so, as a lone request would be.
            return ProblemResponse.of(Problem.of(409, "Conflict", "it already exists"));
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonBodyProblems.unreadable(json);
        }
        LOG.error("request failed", e);
        return ProblemResponse.of(Problem.of(500, "Internal Server Error", "the request could not be completed"));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }


    /** The request field a violation is about: a body property path, else the path or query parameter. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (!property.isEmpty()) {
                        property.append('.');
                    }
                    property.append(node.getName());
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
