package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.version.Version;

import java.util.Objects;

/**
 * The client versions a package version fits; an unreadable bound fits nobody rather than everybody. Equal ranges
 * are equal whatever their {@code slot}, the number {@link SharedTests} gives the segment's first of them (-1:
 * none).
 */
record ClientRange(Version min, Version max, boolean readable, int slot) {

    static ClientRange of(VersionArtifact artifact) {
        return of(artifact, -1);
    }

    static ClientRange of(VersionArtifact artifact, int slot) {
        if (artifact == null) {
            return new ClientRange(null, null, false, slot);
        }
        Version min = artifact.clientVersionMin() == null ? null : Version.parseOrNull(artifact.clientVersionMin());
        Version max = artifact.clientVersionMax() == null ? null : Version.parseOrNull(artifact.clientVersionMax());
        boolean readable = (artifact.clientVersionMin() == null || min != null)
                && (artifact.clientVersionMax() == null || max != null);
        return new ClientRange(min, max, readable, slot);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientRange range && readable == range.readable
                && Objects.equals(min, range.min) && Objects.equals(max, range.max);
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max, readable);
    }

    boolean contains(Version client) {
        return readable && (min == null || client.compareTo(min) >= 0) && (max == null || client.compareTo(max) <= 0);
    }
}
