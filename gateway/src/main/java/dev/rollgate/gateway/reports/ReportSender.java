package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.report.ReportGroup;
import dev.rollgate.contracts.report.ReportRecords;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts reports on their topic with a producer of its own: reports are telemetry, so no outbox, and the
 * client API never waits on Kafka. Sends happen on one thread of their own, because a producer without
 * metadata (the broker away) blocks the caller; a full queue of batches is a 503, not a stalled event loop.
 */
@ApplicationScoped
public class ReportSender {

    private final KafkaProducer<String, byte[]> producer;
    private final ThreadPoolExecutor sending = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(2_000), runnable -> {
                Thread thread = new Thread(runnable, "report-sender");
                thread.setDaemon(true);
                return thread;
            });

    ReportSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "gateway-reports",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Completes once the broker has every group of the batch; fails when it does not take them in time. */
    Uni<Void> send(List<ReportGroup> groups) {
        return Uni.createFrom().emitter(emitter -> {
            try {
                sending.execute(() -> {
                    AtomicInteger pending = new AtomicInteger(groups.size());
                    for (ReportGroup group : groups) {
                        try {
                            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CLIENT_REPORTS,
                                    group.partitionKey(), ReportRecords.write(group));
                            record.headers().add(ReportRecords.FORMAT_HEADER, ReportRecords.GROUP);
                            producer.send(record, (metadata, error) -> {
                                if (error != null) {
                                    emitter.fail(new ReportsUnavailableException(error));
                                } else if (pending.decrementAndGet() == 0) {
                                    emitter.complete(null);
                                }
                            });
                        } catch (RuntimeException e) {
                            emitter.fail(new ReportsUnavailableException(e));
                            return;
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(new ReportsUnavailableException(e));
            }
        });
    }

    void close(@Observes ShutdownEvent event) {
        sending.shutdown();
        producer.close(Duration.ofSeconds(5));
    }
}
