package dev.rollgate.outbox.relay;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a batch and tells, record by record, what the broker said (acks=all, an idempotent producer, zstd).
 * Records of one key go one after another, so a failed record is never overtaken by a later one of its
 * stream. After a failure the producer is replaced, so that no half-sent batch lingers in it.
 */
final class KafkaPublisher implements AutoCloseable {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    /** What became of one record. */
    sealed interface Outcome {
        /** The broker has it. */
        record Acked() implements Outcome {
        }

        /** Not published, for a reason that may pass (the broker away, a timeout): send it again later. */
        record Retry(String reason) implements Outcome {
        }

        /** The broker will never take it (too large, invalid): sending it again cannot help. */
        record Refused(String reason) implements Outcome {
        }
    }

    private static final Outcome ACKED = new Outcome.Acked();

    private final Map<String, Object> config;
    private KafkaProducer<String, String> producer;

    KafkaPublisher(String bootstrapServers, int maxMessageBytes) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "rollgate-outbox-relay");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        // The limit the outbox checks when a row is written, plus room for the record's own overhead.
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(1_048_576, maxMessageBytes + 16_384));
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

    /**
     * One outcome per message, in the messages' order. Records of one key (one app: its streams) go one after
     * another, each sent once the one before it was acknowledged, while records of different keys travel
     * together. So a record that fails is never overtaken by a later one of its key, whatever the producer
     * does with a failure (a record refused before it was sent, for one, takes no sequence number and does not
     * stop the next): a consumer skipping what is older than what it saw would lose it. A failed record's
     * later ones are not sent at all.
     */
    List<Outcome> publish(List<PendingMessage> messages) {
        KafkaProducer<String, String> current = producer();
        Outcome[] outcomes = new Outcome[messages.size()];
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            byKey.computeIfAbsent(messages.get(i).key(), k -> new ArrayList<>()).add(i);
        }
        boolean failed = false;
        for (int round = 0; ; round++) {
            Map<Integer, Future<RecordMetadata>> sent = new LinkedHashMap<>();
            for (List<Integer> ofKey : byKey.values()) {
                if (round < ofKey.size() && (round == 0 || outcomes[ofKey.get(round - 1)] == ACKED)) {
                    int at = ofKey.get(round);
                    PendingMessage message = messages.get(at);
                    try {
                        sent.put(at, current.send(new ProducerRecord<>(message.topic(), message.key(),
                                message.value())));
                    } catch (RuntimeException e) {
                        outcomes[at] = classify(e);
                    }
                }
            }
            if (sent.isEmpty()) {
                break;
            }
            for (Map.Entry<Integer, Future<RecordMetadata>> ack : sent.entrySet()) {
                outcomes[ack.getKey()] = await(ack.getValue());
            }
        }
        List<Outcome> result = new ArrayList<>(messages.size());
        for (Outcome outcome : outcomes) {
            Outcome settled = outcome == null ? new Outcome.Retry("not sent: an earlier record of its key failed")
                    : outcome;
            failed |= settled != ACKED;
            result.add(settled);
        }
        if (failed) {
            reset();
        }
        return result;
    }

    private static Outcome await(Future<RecordMetadata> ack) {
        try {
            ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return ACKED;
        } catch (ExecutionException e) {
            return classify(e.getCause());
        } catch (TimeoutException e) {
            return new Outcome.Retry("no acknowledgement within " + ACK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry("interrupted");
        }
    }

    /**
     * An error of the record itself (too large, invalid) is final. Anything else (the broker away, a timeout,
     * a fenced or closed producer) is retried, with a new producer.
     */
    private static Outcome classify(Throwable error) {
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        boolean ofTheRecord = error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException
                || error instanceof SerializationException;
        return ofTheRecord && !(error instanceof RetriableException) ? new Outcome.Refused(reason)
                : new Outcome.Retry(reason);
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
