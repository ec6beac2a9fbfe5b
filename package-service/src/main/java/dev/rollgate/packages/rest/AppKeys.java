package dev.rollgate.packages.rest;

/** The appKey's shape: it appears in paths, Kafka keys and Redis keys, so it stays short and plain. */
final class AppKeys {

    static final String PATTERN = "[a-z0-9][a-z0-9-]{1,62}";
    static final String MESSAGE = "must match [a-z0-9][a-z0-9-]{1,62}";
    static final String PACKAGE_ID_PATTERN = "[0-9]{8}";
    static final String PACKAGE_ID_MESSAGE = "must be 8 digits";

    private AppKeys() {
    }
}
