package dev.rollgate.release.rest;

/** Who a command's events name as their actor: the caller's own word for now, "anonymous" without one. */
final class Actors {

    private static final int MAX_LENGTH = 128;

    private Actors() {
    }

    static String named(String header) {
        if (header == null || header.isBlank()) {
            return "anonymous";
        }
        String trimmed = header.strip();
        return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
    }
}
