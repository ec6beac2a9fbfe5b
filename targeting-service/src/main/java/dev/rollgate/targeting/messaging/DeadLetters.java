package dev.rollgate.targeting.messaging;

import dev.rollgate.contracts.event.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts a message the consumer cannot read on the dead-letter topic, as it was, with why and where it
 * came from in headers (the same header names as SmallRye's dead-letter queue in package-service).
 */
final class DeadLetters implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    DeadLetters(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "targeting-service-dlq",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Returns once the broker has the message: only then may the consumer commit past it. */
    void send(ConsumerRecord<String, byte[]> record, String reason) throws InterruptedException {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.RELEASE_EVENTS_DLQ, record.key(),
                record.value());
        dead.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-partition",
                Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(dead).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the dead-letter topic did not take a message: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
