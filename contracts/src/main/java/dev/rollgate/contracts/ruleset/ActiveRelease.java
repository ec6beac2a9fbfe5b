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
 * @param grayscale        null for an official task
 * @param whitelists       the grayscale whitelists with the id type each one holds; empty unless the mode is WHITELIST
 * @param rules            the advanced rules, all of which must hold; empty for an official task
 * @param audienceRevision for a grayscale task, the Kafka offset of the last event that changed who its audience
 *                         holds: the task's creation, or a change to the members of a whitelist it names. While it
 *                         stays the same, what Redis answered about a client and this task stays true, whatever
 *                         else the segment's revision moved for. Null in rulesets written before it existed (and
 *                         for official tasks): a gateway then keeps no answer past the revision.
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
        VersionArtifact artifact,
        Long audienceRevision) {

    /** A task without an audience revision: official, or as a ruleset of the first format wrote it. */
    public ActiveRelease(String taskId, String version, ReleaseType releaseType, boolean paused,
                         GrayscaleSpec grayscale, List<WhitelistRef> whitelists, List<AdvancedRule> rules,
                         VersionArtifact artifact) {
        this(taskId, version, releaseType, paused, grayscale, whitelists, rules, artifact, null);
    }
}
