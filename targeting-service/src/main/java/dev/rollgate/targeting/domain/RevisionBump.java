package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;

import java.util.List;

/**
 * A new revision for a segment whose rules did not change but whose audience did. Only the tasks naming the
 * changed whitelist get a new audience revision: gateways keep what Redis told them about the others' audiences.
 */
final class RevisionBump {

    private RevisionBump() {
    }

    static boolean isMembershipChange(EventData data) {
        return data instanceof WhitelistMembersAdded added && !added.ids().isEmpty()
                || data instanceof WhitelistMembersRemoved removed && !removed.ids().isEmpty()
                || data instanceof WhitelistDeleted;
    }

    static boolean namesWhitelist(Ruleset ruleset, String whitelistId) {
        for (PackageRules pkg : ruleset.packages()) {
            for (ActiveRelease release : pkg.active()) {
                if (names(release, whitelistId)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The offset of the event that changed the whitelist's members, as the segment's revision and as the audience
     * revision of each task naming it: as deterministic as any other revision.
     */
    static Ruleset to(Ruleset ruleset, String whitelistId, long offset) {
        List<PackageRules> packages = ruleset.packages().stream().map(pkg -> new PackageRules(pkg.packageId(),
                pkg.finished(), pkg.active().stream()
                        .map(release -> names(release, whitelistId) ? withAudienceRevision(release, offset) : release)
                        .toList())).toList();
        return new Ruleset(Ruleset.FORMAT_VERSION, ruleset.appKey(), ruleset.platform(), offset, packages);
    }

    private static boolean names(ActiveRelease release, String whitelistId) {
        if (release.whitelists() == null) {
            return false;
        }
        for (WhitelistRef ref : release.whitelists()) {
            if (ref.whitelistId().equals(whitelistId)) {
                return true;
            }
        }
        return false;
    }

    private static ActiveRelease withAudienceRevision(ActiveRelease a, long offset) {
        return new ActiveRelease(a.taskId(), a.version(), a.releaseType(), a.paused(), a.grayscale(), a.whitelists(),
                a.rules(), a.artifact(), offset);
    }
}
