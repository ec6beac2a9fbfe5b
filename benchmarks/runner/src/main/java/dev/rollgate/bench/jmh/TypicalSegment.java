package dev.rollgate.bench.jmh;

import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.ValueType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The segment the benchmarks use: 50 packages, each with a finished baseline; a tenth of them with a
 * grayscale task of 3 to 5 rules (whitelist and time-window audiences alternating).
 */
public final class TypicalSegment {

    public static final int PACKAGES = 50;

    private TypicalSegment() {
    }

    public static Ruleset build(String appKey, Platform platform, long revision, String whitelistId) {
        List<PackageRules> packages = new ArrayList<>();
        for (int i = 0; i < PACKAGES; i++) {
            String packageId = Integer.toString(20_000_000 + i);
            List<ActiveRelease> active = new ArrayList<>();
            if (i % 10 == 3) {
                active.add(grayscale(packageId, "1." + i + ".1", i, whitelistId));
            }
            packages.add(new PackageRules(packageId, List.of(new FinishedVersion("1." + i + ".0",
                    artifact(packageId, "1." + i + ".0"))), active));
        }
        return new Ruleset(Ruleset.FORMAT_VERSION, appKey, platform, revision, packages);
    }

    static ActiveRelease grayscale(String packageId, String version, int index, String whitelistId) {
        List<AdvancedRule> rules = new ArrayList<>(List.of(
                new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of("Hangzhou", "Shanghai", "Beijing"),
                        false, false, null),
                new AdvancedRule(RuleType.OS_VERSION, null, RuleOperator.GTE, List.of("12"), false, false, null),
                new AdvancedRule(RuleType.MODEL, null, RuleOperator.STARTS_WITH, List.of("SM-", "Pixel"), false, true,
                        null)));
        if (index % 2 == 1) {
            rules.add(new AdvancedRule(RuleType.CUSTOM, "channel", RuleOperator.NOT_IN, List.of("internal"), false,
                    false, null));
            rules.add(new AdvancedRule(RuleType.CUSTOM, "battery", RuleOperator.GT, List.of("20"), false, false,
                    ValueType.NUMBER));
        }
        boolean window = index % 20 == 13;
        GrayscaleSpec audience = window ? GrayscaleSpec.timeWindow(Instant.parse("2099-01-01T00:00:00Z"), 1_000_000)
                : GrayscaleSpec.whitelist(List.of(whitelistId));
        return new ActiveRelease("task-" + packageId, version, ReleaseType.GRAYSCALE, false, audience,
                window ? List.of() : List.of(new WhitelistRef(whitelistId, IdType.USER_ID)), rules,
                artifact(packageId, version));
    }

    static VersionArtifact artifact(String packageId, String version) {
        return new VersionArtifact("https://cdn.example.com/" + packageId + "/" + version + ".zip",
                "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", 190_002, "/index.html",
                "https://m.example.com/" + packageId + "/", "10.0", null);
    }
}
