package dev.rollgate.release.service;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.release.domain.ReleasePlan;

import java.util.List;

/** One task per package, each for the package's highest version on the platform, all released alike. */
public record BatchDraft(List<String> packageIds, Platform platform, ReleasePlan plan) {
}
