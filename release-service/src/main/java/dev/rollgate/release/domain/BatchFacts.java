package dev.rollgate.release.domain;

import dev.rollgate.contracts.catalog.PackageView;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a batch depends on beyond the request.
 *
 * @param packages          each requested package as the catalog has it, in the request's order; empty when
 *                          the app has no such package
 * @param activeTasks       the active task of each requested package that has one on the platform, by package id
 * @param missingWhitelists the plan's whitelists that do not exist in the app
 */
public record BatchFacts(List<Optional<PackageView>> packages, Map<String, String> activeTasks,
                         Set<String> missingWhitelists) {
}
