package dev.rollgate.release.rest;

import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.problems.ProblemResponse;
import dev.rollgate.outbox.StaleStreamException;
import dev.rollgate.release.domain.DependencyUnavailableException;
import dev.rollgate.release.domain.InvalidInputException;
import dev.rollgate.release.domain.ReleaseConflictException;
import dev.rollgate.release.domain.UnknownResourceException;
import dev.rollgate.release.service.HealthUnavailableException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/** Every error answer of release-service, as RFC 9457 problem+json; never a stack trace. */
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
    public Response healthUnavailable(HealthUnavailableException e) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "Service Unavailable", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unknown(UnknownResourceException e) {
        return ProblemResponse.of(Problem.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ReleaseConflictException e) {
        Problem problem = Problem.of(409, "Conflict", e.getMessage());
        if (!e.errors().isEmpty()) {
            problem = new Problem(problem.type(), problem.title(), 409, problem.detail(), null, e.errors());
        }
        return ProblemResponse.of(problem);
    }

    @ServerExceptionMapper
    public Response stale(StaleStreamException e) {
        return ProblemResponse.of(Problem.of(409, "Conflict", e.getMessage() + "; read it again and retry"));
    }

    @ServerExceptionMapper
    public Response unavailable(DependencyUnavailableException e) {
        LOG.warn(e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "Service Unavailable", e.getMessage() + "; nothing was written")).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String constraint = uniqueViolation(e);
        if (constraint != null) {
            return ProblemResponse.of(Problem.of(409, "Conflict", switch (constraint) {
                case "release_task_one_active" -> "the package already has an active task on that platform";
                case "whitelist_name_per_app" -> "the app already has a whitelist of that name";
                default -> "a concurrent request changed the same thing; read it again and retry";
            }));
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStreamException stale) {
                return stale(stale);
            }
        }
        LOG.error("request failed", e);
        return ProblemResponse.of(Problem.of(500, "Internal Server Error", "the request could not be completed"));
    }

    /** The unique constraint a concurrent request broke, or null. */
    private static String uniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return pg.getConstraint() == null ? "" : pg.getConstraint();
            }
            if (cause instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                String message = String.valueOf(jdbc.getMessage());
                return message.contains("release_task_one_active") ? "release_task_one_active"
                        : message.contains("whitelist_name_per_app") ? "whitelist_name_per_app" : "";
            }
        }
        return null;
    }


    /** The request field a violation is about: a body property path, else the path or query parameter. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder property = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (!property.isEmpty() && node.getName() != null && !node.getName().startsWith("<")) {
                        property.append('.');
                    }
                    if (node.getName() != null && !node.getName().startsWith("<")) {
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
