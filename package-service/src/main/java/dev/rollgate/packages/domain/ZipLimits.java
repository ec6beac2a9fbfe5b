package dev.rollgate.packages.domain;

/** How much an uploaded zip may hold: entries, and bytes once unpacked (counted while reading, not declared). */
public record ZipLimits(int maxEntries, long maxUnpackedBytes) {
}
