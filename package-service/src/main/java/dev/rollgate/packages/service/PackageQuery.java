package dev.rollgate.packages.service;

import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;

/**
 * The package list's filters and page.
 *
 * @param status   only packages whose highest version is in this state; null for all
 * @param text     a case-insensitive part of the packageId or name; null for all
 * @param platform judge status and highest version on this platform only; null for all platforms
 * @param page     0-based
 */
public record PackageQuery(VersionState status, String text, Platform platform, int page, int size) {
}
