package dev.rollgate.packages.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Puts one record on the dead-letter topic, as it came, with why (the headers SmallRye's own dead-letter
 * strategy writes: reason, cause, and where the record was). Ours, not the channel's strategy, because a batch
 * nacked there would send every record of it, and only the poison one belongs there. Retries until the broker
 * takes it: the batch is not acknowledged before, so a record is never lost between the two topics.
 */
@ApplicationScoped
class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final MutinyEmitter<String> topic;

    DeadLetters(@Channel("release-events-dlq") MutinyEmitter<String> topic) {
        this.topic = topic;
    }

    Uni<Void> send(KafkaRecord<String, String> record, Throwable why) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", text(why.getMessage()));
        if (why.getCause() != null) {
            headers.add("dead-letter-cause", text(why.getCause().getMessage()));
        }
        headers.add("dead-letter-topic", text(record.getTopic()));
        headers.add("dead-letter-partition", text(String.valueOf(record.getPartition())));
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        headers.add("dead-letter-offset", text(String.valueOf(offset)));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey()).withHeaders(headers).build();
        return Uni.createFrom().deferred(() -> topic.sendMessage(Message.of(record.getPayload()).addMetadata(metadata)))
                .onFailure().invoke(e -> LOG.warnf("the dead-letter topic did not take a record of partition %d "
                        + "offset %d yet, retrying: %s", record.getPartition(), offset, e.getMessage()))
                .onFailure().retry().withBackOff(RETRY).indefinitely();
    }

    private static byte[] text(String value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
