package dev.rollgate.security;

/** The outcome of an access check: allowed, or forbidden and why. */
public record Verdict(boolean allowed, String reason) {

    static final Verdict ALLOW = new Verdict(true, null);

    static Verdict forbid(String reason) {
        return new Verdict(false, reason);
    }
}
