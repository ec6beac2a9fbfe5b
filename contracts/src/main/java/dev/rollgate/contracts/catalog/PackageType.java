package dev.rollgate.contracts.catalog;

/** A package's kind as the H5 container knows it: a normal page bundle, or a global resource bundle. */
public enum PackageType {
    NORMAL,
    GLOBAL
}
