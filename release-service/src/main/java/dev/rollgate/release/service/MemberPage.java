package dev.rollgate.release.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of member ids; {@code nextCursor} is absent on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberPage(List<String> ids, String nextCursor) {
}
