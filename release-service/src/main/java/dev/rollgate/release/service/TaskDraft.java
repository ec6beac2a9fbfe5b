package dev.rollgate.release.service;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.release.domain.ReleasePlan;

/** A single release task to create: one version of one package on one platform, released as the plan says. */
public record TaskDraft(String packageId, String version, Platform platform, ReleasePlan plan) {
}
