package dev.rollgate.packages.domain;

/** An uploaded package larger than the configured limit: 413, nothing stored. */
public final class PackageTooLargeException extends RuntimeException {

    public PackageTooLargeException(long size, long limit) {
        super("the package has " + size + " bytes; at most " + limit + " are accepted");
    }
}
