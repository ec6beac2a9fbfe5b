package dev.rollgate.contracts.ruleset;

import dev.rollgate.contracts.release.IdType;

/** A whitelist a grayscale task targets; its members live in Redis under {@code RedisKeys.whitelistMembers}. */
public record WhitelistRef(String whitelistId, IdType idType) {
}
