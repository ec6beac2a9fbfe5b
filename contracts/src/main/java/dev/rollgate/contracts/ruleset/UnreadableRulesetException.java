package dev.rollgate.contracts.ruleset;

public final class UnreadableRulesetException extends Exception {

    public UnreadableRulesetException(String message, Throwable cause) {
        super(message, cause);
    }
}
