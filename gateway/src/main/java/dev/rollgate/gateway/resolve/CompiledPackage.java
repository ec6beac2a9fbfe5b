package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.version.Version;

import java.util.List;

/** One package of a segment: its active tasks and its finished versions, highest first. */
public final class CompiledPackage {

    private final String packageId;
    private final List<CompiledRelease> active;
    private final List<Finished> finished;

    record Finished(FinishedVersion version, ClientRange range) {
    }

    CompiledPackage(PackageRules rules) {
        this.packageId = rules.packageId();
        this.active = rules.active().stream().map(CompiledRelease::new)
                .sorted((a, b) -> b.version().compareTo(a.version()))
                .toList();
        this.finished = rules.finished().stream()
                .map(f -> new Finished(f, ClientRange.of(f.artifact())))
                .sorted((a, b) -> Version.parse(b.version().version()).compareTo(Version.parse(a.version().version())))
                .toList();
    }

    public String packageId() {
        return packageId;
    }

    /** Highest version first. */
    public List<CompiledRelease> active() {
        return active;
    }

    /** The highest finished version the client's version fits, or null. */
    public FinishedVersion baseline(Version clientVersion) {
        for (Finished f : finished) {
            if (f.range().contains(clientVersion)) {
                return f.version();
            }
        }
        return null;
    }
}
