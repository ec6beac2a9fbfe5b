package dev.rollgate.targeting.domain;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventEnvelope;

/**
 * A readable event from the topic with where it sits; its offset becomes the revision of a ruleset it changes.
 */
public record ConsumedEvent(int partition, long offset, EventEnvelope envelope, EventData data) {
}
