package dev.rollgate.outbox.relay;

/** A batch was not acknowledged by the broker; its rows stay unsent and the relay tries again. */
final class KafkaPublishException extends RuntimeException {

    KafkaPublishException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
