package dev.rollgate.outbox.relay;

/** Part of a batch was not acknowledged by the broker; its rows stay unsent and the relay tries again. */
final class KafkaPublishException extends RuntimeException {

    KafkaPublishException(String reason) {
        super(reason);
    }
}
