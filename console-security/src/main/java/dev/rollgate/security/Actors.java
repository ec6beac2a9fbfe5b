package dev.rollgate.security;

/**
 * Who a command's events name as their actor: the subject of the caller's verified token, which
 * {@link ConsoleAccessFilter} puts in {@link ConsoleAccessFilter#ACTOR_HEADER} (replacing anything the
 * caller sent). "anonymous" only where no filter ran, as in a test that calls a service bean directly.
 */
public final class Actors {

    private static final int MAX_LENGTH = 128;

    private Actors() {
    }

    public static String named(String header) {
        if (header == null || header.isBlank()) {
            return "anonymous";
        }
        String trimmed = header.strip();
        return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
    }
}
