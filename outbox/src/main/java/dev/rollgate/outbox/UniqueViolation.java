package dev.rollgate.outbox;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

import java.sql.SQLException;
import java.util.Optional;

/**
 * The PostgreSQL error a writer gets when a concurrent writer inserted the same key first. Hibernate may or
 * may not have wrapped it, and the reactive and JDBC drivers report it differently.
 */
public final class UniqueViolation {

    private static final String SQL_STATE = "23505";

    private UniqueViolation() {
    }

    /** The broken constraint's name ("" when the driver does not say it), or empty for any other failure. */
    public static Optional<String> constraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case PgException pg when SQL_STATE.equals(pg.getSqlState()) -> {
                    return Optional.of(pg.getConstraint() == null ? "" : pg.getConstraint());
                }
                case JDBCException jdbc when SQL_STATE.equals(jdbc.getSQLState()) -> {
                    return Optional.of(String.valueOf(jdbc.getMessage()));
                }
                case SQLException sql when SQL_STATE.equals(sql.getSQLState()) -> {
                    return Optional.of(String.valueOf(sql.getMessage()));
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isCause(Throwable failure) {
        return constraint(failure).isPresent();
    }
}
