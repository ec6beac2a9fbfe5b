package dev.rollgate.contracts.release;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Who a grayscale task reaches: members of whitelists, or the first {@code usersCount} clients before
 * {@code endTime}. Fields of the other mode are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrayscaleSpec(GrayscaleMode mode, List<String> whitelistIds, Instant endTime, Long usersCount) {

    public static GrayscaleSpec whitelist(List<String> whitelistIds) {
        return new GrayscaleSpec(GrayscaleMode.WHITELIST, List.copyOf(whitelistIds), null, null);
    }

    public static GrayscaleSpec timeWindow(Instant endTime, long usersCount) {
        return new GrayscaleSpec(GrayscaleMode.TIME_WINDOW, null, endTime, usersCount);
    }
}
