package dev.rollgate.packages.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewAppRequest(
        @NotNull @Pattern(regexp = AppKeys.PATTERN, message = AppKeys.MESSAGE) String appKey,
        @NotBlank @Size(max = 128) String name) {
}
