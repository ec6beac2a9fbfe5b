package dev.rollgate.contracts.catalog;

/**
 * A package that turns an installed earlier version into this one, smaller than the full package.
 *
 * @param fromVersion the version a device must have in use to apply it
 */
public record DiffPackage(String fromVersion, String downloadUrl, String sha256, long sizeBytes) {
}
