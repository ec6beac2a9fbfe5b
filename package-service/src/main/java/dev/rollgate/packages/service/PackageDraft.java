package dev.rollgate.packages.service;

import dev.rollgate.contracts.catalog.PackageType;

/** A package to register, already checked for shape by the resource. */
public record PackageDraft(String packageId, String name, String description, PackageType type, String vhost) {
}
