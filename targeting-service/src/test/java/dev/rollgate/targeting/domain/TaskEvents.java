package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.VersionArtifact;

import java.util.List;

/** Release-task events as release-service writes them, for tests. */
public final class TaskEvents {

    private TaskEvents() {
    }

    public static VersionArtifact artifact(String packageId, String version) {
        return new VersionArtifact("https://cdn.example.com/" + packageId + "/" + version + ".zip",
                "a".repeat(64), 1000, "/index.html", "https://m.example.com/" + packageId + "/", "10.0", null);
    }

    public static ReleaseTaskCreated grayscaleByWhitelist(String taskId, String packageId, String version,
                                                          String whitelistId) {
        return new ReleaseTaskCreated(taskId, packageId, version, Platform.ANDROID, ReleaseType.GRAYSCALE,
                GrayscaleSpec.whitelist(List.of(whitelistId)),
                List.of(new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of("Hangzhou"), false, false,
                        null)),
                "try it", null, artifact(packageId, version));
    }

    public static ReleaseTaskCreated official(String taskId, String packageId, String version) {
        return new ReleaseTaskCreated(taskId, packageId, version, Platform.ANDROID, ReleaseType.OFFICIAL, null,
                List.of(), null, null, artifact(packageId, version));
    }
}
