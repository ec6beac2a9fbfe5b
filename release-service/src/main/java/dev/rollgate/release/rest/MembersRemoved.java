package dev.rollgate.release.rest;

public record MembersRemoved(long removed, long total) {
}
