package dev.rollgate.release.rest;

import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.release.domain.ReleasePlan;
import dev.rollgate.release.service.TaskDraft;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

public record NewTaskRequest(
        @NotNull @Pattern(regexp = IdPatterns.PACKAGE_ID, message = IdPatterns.PACKAGE_ID_MESSAGE) String packageId,
        @NotBlank @Size(max = 128) String version,
        @NotNull Platform platform,
        @NotNull ReleaseType releaseType,
        GrayscaleSpec grayscale,
        List<AdvancedRule> rules,
        String description,
        Safeguard safeguard) {

    TaskDraft draft() {
        return new TaskDraft(packageId, version, platform,
                new ReleasePlan(releaseType, grayscale, rules, description, safeguard));
    }
}
