package dev.rollgate.packages.rest;

import dev.rollgate.contracts.id.IdPatterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewAppRequest(
        @NotNull @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
        @NotBlank @Size(max = 128) String name) {
}
