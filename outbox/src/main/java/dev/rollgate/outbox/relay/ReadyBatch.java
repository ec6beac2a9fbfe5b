package dev.rollgate.outbox.relay;

import java.util.List;

/**
 * The rows that may be published now, in id order, and whether unsent rows were held back because a
 * transaction older than theirs is still running (they become ready when it ends).
 */
record ReadyBatch(List<PendingMessage> ready, boolean heldBack) {
}
