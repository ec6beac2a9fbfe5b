package dev.rollgate.packages.domain;

/** A request that conflicts with what exists (409): a duplicate app or package, a version not higher than the last. */
public final class CatalogConflictException extends RuntimeException {

    public CatalogConflictException(String detail) {
        super(detail);
    }
}
