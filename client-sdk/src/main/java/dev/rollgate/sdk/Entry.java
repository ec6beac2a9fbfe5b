package dev.rollgate.sdk;

/**
 * What the H5 container loads for a package: the installed version's main page from the device, or, while
 * none is installed (or the installed one failed), the same page online.
 */
public final class Entry {

    private final String url;
    private final String version;
    private final boolean offline;

    Entry(String url, String version, boolean offline) {
        this.url = url;
        this.version = version;
        this.offline = offline;
    }

    /** A {@code file:} URL inside the installed package, or the online page's URL. */
    public String url() {
        return url;
    }

    /** The installed version, or null when loading online. */
    public String version() {
        return version;
    }

    public boolean offline() {
        return offline;
    }

    @Override
    public String toString() {
        return (offline ? "installed " + version + ": " : "online: ") + url;
    }
}
