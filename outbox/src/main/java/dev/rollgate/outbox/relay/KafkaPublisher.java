package dev.rollgate.outbox.relay;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch and returns only when the broker acknowledged every record (acks=all). The producer is
 * idempotent, so a record is never written behind a later one of its partition; after a failure it is
 * replaced, so that no half-sent batch lingers in it when the relay sends the batch again.
 */
final class KafkaPublisher implements AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> config;
    private KafkaProducer<String, String> producer;

    KafkaPublisher(String bootstrapServers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "rollgate-outbox-relay");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Propagation is a headline figure: send at once rather than wait to fill a batch.
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        // With the broker gone, send() must not block the relay for the default minute.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        settings.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.config = Map.copyOf(settings);
    }

    /** @throws KafkaPublishException when any record was not acknowledged */
    void publish(List<PendingMessage> messages) {
        KafkaProducer<String, String> current = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(messages.size());
        try {
            for (PendingMessage message : messages) {
                acks.add(current.send(new ProducerRecord<>(message.topic(), message.key(), message.value())));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            reset();
            throw new KafkaPublishException(e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            reset();
            throw new KafkaPublishException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset();
            throw new KafkaPublishException(e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    private void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
