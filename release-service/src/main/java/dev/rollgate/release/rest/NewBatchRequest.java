package dev.rollgate.release.rest;

import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.release.domain.ReleasePlan;
import dev.rollgate.release.service.BatchDraft;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.List;

public record NewBatchRequest(
        @NotEmpty @Size(max = MAX_PACKAGES)
        List<@NotNull @Pattern(regexp = IdPatterns.PACKAGE_ID, message = IdPatterns.PACKAGE_ID_MESSAGE) String> packageIds,
        @NotNull Platform platform,
        @NotNull ReleaseType releaseType,
        GrayscaleSpec grayscale,
        List<AdvancedRule> rules,
        String description,
        Safeguard safeguard) {

    static final int MAX_PACKAGES = 100;

    BatchDraft draft() {
        if (new HashSet<>(packageIds).size() != packageIds.size()) {
            throw InvalidInputException.of("packageIds", "must not name a package twice");
        }
        return new BatchDraft(List.copyOf(packageIds), platform,
                new ReleasePlan(releaseType, grayscale, rules, description, safeguard));
    }
}
