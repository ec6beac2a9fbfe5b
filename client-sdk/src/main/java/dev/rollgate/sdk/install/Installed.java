package dev.rollgate.sdk.install;

/** A package on the device: the version in use (null when it falls back to the online page) and the one kept. */
public final class Installed {

    final String current;
    final String previous;

    Installed(String current, String previous) {
        this.current = current;
        this.previous = previous;
    }

    public String current() {
        return current;
    }

    public String previous() {
        return previous;
    }
}
