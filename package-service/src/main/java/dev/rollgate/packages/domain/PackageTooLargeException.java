package dev.rollgate.packages.domain;

import dev.rollgate.contracts.problem.ContentTooLargeException;

/** An uploaded package larger than the configured limit: 413, nothing stored. */
public final class PackageTooLargeException extends ContentTooLargeException {

    public PackageTooLargeException(long size, long limit) {
        super("the package has " + size + " bytes; at most " + limit + " are accepted");
    }
}
