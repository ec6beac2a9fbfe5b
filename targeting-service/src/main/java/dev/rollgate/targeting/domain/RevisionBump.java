package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.WhitelistDeleted;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.event.WhitelistMembersRemoved;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.WhitelistRef;

/** A new revision for a segment whose rules did not change but whose audience did. */
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
                if (release.whitelists() == null) {
                    continue;
                }
                for (WhitelistRef ref : release.whitelists()) {
                    if (ref.whitelistId().equals(whitelistId)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The offset of the event that changed the audience: as deterministic as any other revision. */
    static Ruleset to(Ruleset ruleset, long offset) {
        return new Ruleset(Ruleset.FORMAT_VERSION, ruleset.appKey(), ruleset.platform(), offset, ruleset.packages());
    }
}
