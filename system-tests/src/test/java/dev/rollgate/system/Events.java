package dev.rollgate.system;

import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.VersionArtifact;

import java.util.List;

/** Release events as release-service writes them. */
final class Events {

    private Events() {
    }

    static VersionArtifact artifact(String packageId, String version) {
        return new VersionArtifact("https://cdn.example.com/" + packageId + "/" + version + ".zip", "c".repeat(64),
                4321, "/index.html", "https://m.example.com/" + packageId + "/", "10.0", null);
    }

    static ReleaseTaskCreated byWhitelistInCity(String taskId, String packageId, String version, String whitelistId,
                                                String city) {
        return new ReleaseTaskCreated(taskId, packageId, version, Platform.ANDROID, ReleaseType.GRAYSCALE,
                GrayscaleSpec.whitelist(List.of(whitelistId)),
                List.of(new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of(city), false, false, null)),
                null, null, artifact(packageId, version));
    }

    static ReleaseTaskCreated official(String taskId, String packageId, String version) {
        return new ReleaseTaskCreated(taskId, packageId, version, Platform.ANDROID, ReleaseType.OFFICIAL, null,
                List.of(), null, null, artifact(packageId, version));
    }
}
