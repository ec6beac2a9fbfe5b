package dev.rollgate.sdk.install;

/** A package could not be installed; the installed version stays as it was. The reason is a short code. */
public final class InstallException extends Exception {

    private final String reason;

    public InstallException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InstallException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * {@code DOWNLOAD_FAILED}, {@code SIZE_MISMATCH}, {@code HASH_MISMATCH}, {@code UNSAFE_ZIP}, {@code ZIP_TOO_LARGE},
     * {@code NOT_A_ZIP}, {@code STORAGE}, {@code SIGNATURE}; for a diff also {@code DIFF_INVALID},
     * {@code PATCH_FAILED} and {@code CONTENT_MISMATCH}.
     */
    public String reason() {
        return reason;
    }
}
