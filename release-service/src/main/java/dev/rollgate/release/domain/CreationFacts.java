package dev.rollgate.release.domain;

import dev.rollgate.contracts.catalog.PackageVersionView;

import java.util.Set;

/**
 * What the creation of one task depends on beyond the request, read before deciding: the version as the
 * catalog has it, and this service's own facts, exact inside the command's transaction.
 *
 * @param missingWhitelists the plan's whitelists that do not exist in the app
 * @param activeTaskId      the package's active task on the platform, or null
 * @param finishedTaskId    a FINISHED task that released this very version, or null
 */
public record CreationFacts(PackageVersionView version, Set<String> missingWhitelists, String activeTaskId,
                            String finishedTaskId) {
}
