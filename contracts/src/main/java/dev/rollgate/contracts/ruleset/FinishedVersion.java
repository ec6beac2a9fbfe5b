package dev.rollgate.contracts.ruleset;

import dev.rollgate.contracts.release.VersionArtifact;

/** A version every fitting client gets when no active task matches it. */
public record FinishedVersion(String version, VersionArtifact artifact) {
}
