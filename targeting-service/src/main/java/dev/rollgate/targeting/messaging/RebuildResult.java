package dev.rollgate.targeting.messaging;

/**
 * @param keysSwitched  rebuilt keys that replaced the live ones
 * @param keysDropped   live keys the replay did not make again
 * @param eventsApplied events applied while replaying the topic up to where it ended when the rebuild began
 * @param millis        from the request to the moment the rebuilt keys were switched in
 */
public record RebuildResult(long keysSwitched, long keysDropped, long eventsApplied, long millis) {
}
