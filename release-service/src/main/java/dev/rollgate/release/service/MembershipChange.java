package dev.rollgate.release.service;

/** How many ids a call added or removed (duplicates and non-members not counted) and the members after it. */
public record MembershipChange(long changed, long total) {
}
