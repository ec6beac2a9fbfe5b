package dev.rollgate.targeting.messaging;

import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Puts events on the real topic as the outbox relay would, and tells at which offset each landed. */
final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    long publish(String appKey, String streamId, long streamVersion, EventData data) {
        String json = EventJson.write(EventJson.envelope(UUID.randomUUID(), appKey, streamId, streamVersion,
                Instant.now(), "tester", data));
        return raw(appKey, json.getBytes(StandardCharsets.UTF_8));
    }

    long raw(String appKey, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.RELEASE_EVENTS, appKey, value)).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException("the test broker did not take an event", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
