package dev.rollgate.contracts.version;

/** A string that is not a {@link Version}; the message quotes the input so an operator sees what was sent. */
public final class InvalidVersionException extends IllegalArgumentException {

    private final String input;

    public InvalidVersionException(String input, String reason) {
        super("not a version: " + quote(input) + " (" + reason
                + "; expected dotted numbers such as 1.0.2, optionally with a pre-release such as 1.0.0-rc.1)");
        this.input = input;
    }

    public String input() {
        return input;
    }

    private static String quote(String input) {
        if (input == null) {
            return "null";
        }
        String shown = input.length() > 64 ? input.substring(0, 64) + "…" : input;
        return '"' + shown + '"';
    }
}
