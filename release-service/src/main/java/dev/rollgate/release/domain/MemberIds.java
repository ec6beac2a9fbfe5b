package dev.rollgate.release.domain;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.problem.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The member ids of one add or remove call: each 1–128 printable characters, at most 100,000 a call,
 * duplicates counted once (first-seen order kept).
 */
public final class MemberIds {

    public static final int MAX_PER_CALL = 100_000;
    public static final int MAX_LENGTH = 128;
    private static final int MAX_REPORTED = 20;

    private MemberIds() {
    }

    /** @throws InvalidInputException naming up to 20 bad ids by position */
    public static List<String> checked(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw InvalidInputException.of("ids", "must hold at least one id");
        }
        if (ids.size() > MAX_PER_CALL) {
            throw InvalidInputException.of("ids", "must hold at most " + MAX_PER_CALL + " ids a call");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!isValid(id)) {
                if (errors.size() < MAX_REPORTED) {
                    errors.add(new FieldError("ids[" + i + "]", "must be 1 to " + MAX_LENGTH
                            + " printable characters"));
                }
            } else {
                unique.add(id);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return List.copyOf(unique);
    }

    /** One id a line; for CSV the first column (quotes allowed); blank lines and surrounding spaces ignored. */
    public static List<String> fromText(String body) {
        List<String> ids = new ArrayList<>();
        for (String line : body.split("\r?\n|\r")) {
            String id = firstColumn(line).strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String firstColumn(String line) {
        String trimmed = line.stripLeading();
        if (!trimmed.startsWith("\"")) {
            int comma = trimmed.indexOf(',');
            return comma < 0 ? trimmed : trimmed.substring(0, comma);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '"') {
                if (i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else {
                    break;
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || id.isBlank()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) && c != ' ') {
                return false;
            }
        }
        return true;
    }
}
