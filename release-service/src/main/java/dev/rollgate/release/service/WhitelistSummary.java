package dev.rollgate.release.service;

import dev.rollgate.contracts.release.IdType;
import dev.rollgate.release.persistence.WhitelistView;

import java.time.Instant;

/** A whitelist as the API answers it, with how many members it has. */
public record WhitelistSummary(String whitelistId, String appKey, String name, IdType idType, long memberCount,
                               long streamVersion, Instant createdAt, Instant updatedAt, String createdBy) {

    static WhitelistSummary of(WhitelistView view) {
        return new WhitelistSummary(view.whitelistId, view.appKey, view.name, view.idType, view.memberCount,
                view.streamVersion, view.createdAt, view.updatedAt, view.createdBy);
    }
}
