package dev.rollgate.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Native queries hand back {@code timestamptz} as whichever Java type the driver chose. */
final class SqlTimes {

    private SqlTimes() {
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            case Timestamp timestamp -> timestamp.toInstant();
            case null -> null;
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
