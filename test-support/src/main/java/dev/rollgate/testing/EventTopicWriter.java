package dev.rollgate.testing;

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
public final class EventTopicWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public EventTopicWriter(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** On the broker the test command started. */
    public EventTopicWriter() {
        this(System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
    }

    /** @return the offset the event landed at */
    public long publish(String appKey, String streamId, long streamVersion, EventData data) {
        String json = EventJson.write(EventJson.envelope(UUID.randomUUID(), appKey, streamId, streamVersion,
                Instant.now(), "tester", data));
        return raw(appKey, json.getBytes(StandardCharsets.UTF_8));
    }

    public long raw(String appKey, byte[] value) {
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
