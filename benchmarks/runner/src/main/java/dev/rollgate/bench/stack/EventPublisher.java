package dev.rollgate.bench.stack;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Puts a dataset's events on the topic as the outbox relay would, but batched: loading a hundred
 * thousand events through the console would measure the console, not what is benchmarked.
 */
final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final Map<String, Long> streamVersions = new HashMap<>();
    private long published;

    EventPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer());
    }

    /** Appends to a stream with the next streamVersion. */
    void publish(String appKey, String streamId, EventData data) {
        long version = streamVersions.merge(streamId, 1L, Long::sum);
        String json = EventJson.write(EventJson.envelope(UUID.randomUUID(), appKey, streamId, version, Instant.now(),
                "benchmark", data));
        producer.send(new ProducerRecord<>(Topics.RELEASE_EVENTS, appKey, json));
        published++;
    }

    long published() {
        return published;
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
