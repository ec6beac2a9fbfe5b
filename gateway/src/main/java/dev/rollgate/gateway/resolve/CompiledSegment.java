package dev.rollgate.gateway.resolve;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.ruleset.Ruleset;

import java.util.Comparator;
import java.util.List;

/** A segment's ruleset compiled for evaluation: parsed versions, parsed operands, compiled patterns. */
public final class CompiledSegment {

    private final String appKey;
    private final Platform platform;
    private final long revision;
    private final List<CompiledPackage> packages;

    private CompiledSegment(String appKey, Platform platform, long revision, List<CompiledPackage> packages) {
        this.appKey = appKey;
        this.platform = platform;
        this.revision = revision;
        this.packages = packages;
    }

    public static CompiledSegment of(Ruleset ruleset) {
        return new CompiledSegment(ruleset.appKey(), ruleset.platform(), ruleset.revision(),
                ruleset.packages().stream().map(CompiledPackage::new)
                        .sorted(Comparator.comparing(CompiledPackage::packageId)).toList());
    }

    public String appKey() {
        return appKey;
    }

    public Platform platform() {
        return platform;
    }

    public long revision() {
        return revision;
    }

    /** Sorted by packageId. */
    public List<CompiledPackage> packages() {
        return packages;
    }
}
