package dev.rollgate.packages.rest;

import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.catalog.PackageType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewPackageRequest(
        @NotNull @Pattern(regexp = IdPatterns.PACKAGE_ID, message = IdPatterns.PACKAGE_ID_MESSAGE) String packageId,
        @NotBlank @Size(max = 128) String name,
        @Size(max = 1000) String description,
        @NotNull PackageType type,
        @Size(max = 253)
        @Pattern(regexp = "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*",
                message = "must be a host name such as m.example.com")
        String vhost) {
}
