package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.ruleset.Ruleset;

import java.util.Optional;

/** What a batch of events needs to know of the state in Redis before it applies; see {@link BatchNeeds}. */
public interface StoredState {

    Optional<Ruleset> ruleset(Segment segment);

    /** The last streamVersion applied of a stream, 0 when none. */
    long appliedVersion(String appKey, String streamId);

    Optional<IdType> whitelistType(String appKey, String whitelistId);

    /**
     * Whether Redis held the marker every batch writes when this was read: without it, what is read is
     * either a new installation's nothing or what is left of a Redis that lost its data.
     */
    default boolean holdsState() {
        return true;
    }
}
