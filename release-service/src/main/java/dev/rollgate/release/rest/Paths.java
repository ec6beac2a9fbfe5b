package dev.rollgate.release.rest;

/** The shapes of ids in paths and bodies. */
final class Paths {

    static final String APP_KEY = "[a-z0-9][a-z0-9-]{1,62}";
    static final String APP_KEY_MESSAGE = "must match [a-z0-9][a-z0-9-]{1,62}";
    static final String PACKAGE_ID = "[0-9]{8}";
    static final String PACKAGE_ID_MESSAGE = "must be 8 digits";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String UUID_MESSAGE = "must be an id such as 3f2b8c1e-0d4a-4f6e-9a51-7c2d9e8b1a03";

    private Paths() {
    }
}
