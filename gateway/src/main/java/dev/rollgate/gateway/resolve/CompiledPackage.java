package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.version.Version;

import java.util.List;
import java.util.Map;

/** One package of a segment: its active tasks and its finished versions, highest first. */
public final class CompiledPackage {

    private final String packageId;
    private final List<CompiledRelease> active;
    private final List<Finished> finished;

    /** With the answer it gives, made once per segment rather than once per client. */
    record Finished(FinishedVersion version, ClientRange range, Resolution resolution) {
    }

    /**
     * @param previous the audiences of the segment's previous revision, by task id
     * @param shared   the segment's rules and ranges, which its tasks' are taken from
     */
    CompiledPackage(PackageRules rules, Map<String, TaskAudience> previous, SharedTests shared) {
        this.packageId = rules.packageId();
        this.active = rules.active().stream()
                .map(release -> new CompiledRelease(packageId, release, previous.get(release.taskId()), shared))
                .sorted((a, b) -> b.version().compareTo(a.version()))
                .toList();
        this.finished = rules.finished().stream()
                .map(f -> new Finished(f, ClientRange.of(f.artifact()), new Resolution(packageId, f.version(),
                        ReleaseType.OFFICIAL, f.artifact(), null)))
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
        Finished fitting = fitting(clientVersion);
        return fitting == null ? null : fitting.version();
    }

    /** {@link #baseline} as the client gets it, or null. */
    Resolution baselineResolution(Version clientVersion) {
        Finished fitting = fitting(clientVersion);
        return fitting == null ? null : fitting.resolution();
    }

    private Finished fitting(Version clientVersion) {
        for (Finished f : finished) {
            if (f.range().contains(clientVersion)) {
                return f;
            }
        }
        return null;
    }
}
