package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.version.Version;

/** The client versions a package version fits; an unreadable bound fits nobody rather than everybody. */
record ClientRange(Version min, Version max, boolean readable) {

    static ClientRange of(VersionArtifact artifact) {
        if (artifact == null) {
            return new ClientRange(null, null, false);
        }
        Version min = artifact.clientVersionMin() == null ? null : Version.parseOrNull(artifact.clientVersionMin());
        Version max = artifact.clientVersionMax() == null ? null : Version.parseOrNull(artifact.clientVersionMax());
        boolean readable = (artifact.clientVersionMin() == null || min != null)
                && (artifact.clientVersionMax() == null || max != null);
        return new ClientRange(min, max, readable);
    }

    boolean contains(Version client) {
        return readable && (min == null || client.compareTo(min) >= 0) && (max == null || client.compareTo(max) <= 0);
    }
}
