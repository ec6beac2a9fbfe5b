package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.release.IdType;

import java.util.List;

/** A change to a whitelist's members or id type in Redis, kept in event order within a batch. */
public sealed interface WhitelistOp {

    String appKey();

    String whitelistId();

    record Define(String appKey, String whitelistId, IdType idType) implements WhitelistOp {
    }

    record AddMembers(String appKey, String whitelistId, List<String> ids) implements WhitelistOp {
    }

    record RemoveMembers(String appKey, String whitelistId, List<String> ids) implements WhitelistOp {
    }

    record Drop(String appKey, String whitelistId) implements WhitelistOp {
    }
}
