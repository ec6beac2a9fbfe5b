package dev.rollgate.release.rest;

public record MembersAdded(long added, long total) {
}
