package dev.rollgate.release.rest;

import java.util.List;

/** Ids to add or remove; {@code MemberIds} checks them, so that every bad one is named by position. */
public record MembersRequest(List<String> ids) {
}
