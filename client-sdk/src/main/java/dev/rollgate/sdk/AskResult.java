package dev.rollgate.sdk;

/** What one question to the gateway gave. */
final class AskResult {

    enum Kind { FRESH, NOT_MODIFIED, FAILED }

    final Kind kind;
    final GatewayAnswer answer;
    /** For a failure: the wait the gateway asked for (Retry-After), or 0. */
    final int retryAfterSeconds;
    final String reason;
    /** For a failure: the gateway's status, or 0 when it could not be asked. */
    final int status;

    private AskResult(Kind kind, GatewayAnswer answer, int retryAfterSeconds, String reason, int status) {
        this.kind = kind;
        this.answer = answer;
        this.retryAfterSeconds = retryAfterSeconds;
        this.reason = reason;
        this.status = status;
    }

    static AskResult fresh(GatewayAnswer answer) {
        return new AskResult(Kind.FRESH, answer, 0, null, 200);
    }

    static AskResult notModified() {
        return new AskResult(Kind.NOT_MODIFIED, null, 0, null, 304);
    }

    static AskResult failed(String reason, int retryAfterSeconds) {
        return failed(reason, retryAfterSeconds, 0);
    }

    static AskResult failed(String reason, int retryAfterSeconds, int status) {
        return new AskResult(Kind.FAILED, null, retryAfterSeconds, reason, status);
    }
}
