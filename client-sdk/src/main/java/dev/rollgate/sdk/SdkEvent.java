package dev.rollgate.sdk;

/**
 * Something the SDK did or saw, for the app's listener: what the next step (reports to the server, a log, a
 * progress bar) needs. {@code packageId} and {@code version} are null for events about the answer as a whole.
 */
public final class SdkEvent {

    public enum Type {
        /** The gateway answered with a new answer. */
        ANSWERED,
        /** The gateway said the answer is unchanged (304). */
        NOT_MODIFIED,
        /** The gateway could not be asked; the last answer stands. {@code detail} says why. */
        ASK_FAILED,
        /** Bytes of a package file arrived; {@code bytes} of {@code total}. */
        PROGRESS,
        /**
         * A package file arrived whole; for a version built from a diff, once the diff has been applied and
         * checked ({@code detail} then says which diff).
         */
        DOWNLOADED,
        /**
         * Its size and SHA-256 are the ones the answer named; for a version built from a diff, every file's
         * SHA-256 and the content digest are.
         */
        VERIFIED,
        /** The version is in use ({@code detail} says when it was built from a diff). */
        INSTALLED,
        /**
         * The version could not be installed; {@code detail} is the reason code (then a colon and why), the
         * version in use stays. {@code SIGNATURE}: the offer is unsigned or its signature does not verify with
         * the app's signing key, and nothing of it was downloaded.
         */
        INSTALL_FAILED,
        /** Back to the version kept before (a release was cancelled or paused). */
        ROLLED_BACK,
        /** No version in use: the package loads from its online page. */
        FELL_BACK_ONLINE,
        /** A version no answer names was removed to stay within the storage cap. */
        EVICTED,
        /**
         * The diff offered beside a version could not be used ({@code detail}: the reason code, a colon, why);
         * nothing of it was installed, and the full package is downloaded instead.
         */
        DIFF_FAILED
    }

    private final Type type;
    private final String packageId;
    private final String version;
    private final String detail;
    private final long bytes;
    private final long total;

    SdkEvent(Type type, String packageId, String version, String detail, long bytes, long total) {
        this.type = type;
        this.packageId = packageId;
        this.version = version;
        this.detail = detail;
        this.bytes = bytes;
        this.total = total;
    }

    public Type type() {
        return type;
    }

    public String packageId() {
        return packageId;
    }

    public String version() {
        return version;
    }

    public String detail() {
        return detail;
    }

    public long bytes() {
        return bytes;
    }

    public long total() {
        return total;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(type.name());
        if (packageId != null) {
            text.append(' ').append(packageId);
        }
        if (version != null) {
            text.append(' ').append(version);
        }
        if (type == Type.PROGRESS) {
            text.append(' ').append(bytes).append('/').append(total);
        }
        if (detail != null) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
