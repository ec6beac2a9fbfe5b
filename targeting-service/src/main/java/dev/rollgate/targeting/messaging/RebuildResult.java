package dev.rollgate.targeting.messaging;

/**
 * @param keysDeleted   Redis keys derived from the topic that were deleted first
 * @param eventsApplied events applied while replaying the topic up to where it ended when the rebuild began
 * @param millis        from the request to the moment the replay caught up
 */
public record RebuildResult(long keysDeleted, long eventsApplied, long millis) {
}
