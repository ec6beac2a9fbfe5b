package dev.rollgate.contracts.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.VersionArtifact;

import java.util.List;

/**
 * A releasing or paused task of a package, resolved to what the gateway evaluates.
 *
 * @param grayscale  null for an official task
 * @param whitelists the grayscale whitelists with the id type each one holds; empty unless the mode is WHITELIST
 * @param rules      the advanced rules, all of which must hold; empty for an official task
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActiveRelease(
        String taskId,
        String version,
        ReleaseType releaseType,
        boolean paused,
        GrayscaleSpec grayscale,
        List<WhitelistRef> whitelists,
        List<AdvancedRule> rules,
        VersionArtifact artifact) {
}
