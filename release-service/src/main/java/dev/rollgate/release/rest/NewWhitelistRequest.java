package dev.rollgate.release.rest;

import dev.rollgate.contracts.release.IdType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewWhitelistRequest(@NotBlank @Size(max = 128) String name, @NotNull IdType idType) {
}
