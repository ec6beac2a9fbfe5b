package dev.rollgate.release.service;

import dev.rollgate.release.domain.HealthCounts;
import dev.rollgate.release.domain.TaskHealth;
import dev.rollgate.release.messaging.HealthStores;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the report topology's stores (interactive queries). This instance answers for the tasks of the
 * partitions it holds; one release-service instance holds them all (docs/release-health.md says how several run).
 */
@ApplicationScoped
public class HealthReads {

    public record Minute(long epochMinute, HealthCounts counts) {
    }

    private final KafkaStreams streams;

    HealthReads(KafkaStreams streams) {
        this.streams = streams;
    }

    /** @throws HealthUnavailableException while the stores are being restored or moved */
    public TaskHealth total(String taskId) {
        return queried(() -> {
            return HealthStores.read(store(HealthStores.HEALTH).get(taskId), TaskHealth.class, TaskHealth.empty());
        });
    }

    /** The minutes from {@code from} to {@code to}, both included, that have counts, oldest first. */
    public List<Minute> minutes(String taskId, long fromMinute, long toMinute) {
        return queried(() -> {
            List<Minute> found = new ArrayList<>();
            try (KeyValueIterator<String, byte[]> range = store(HealthStores.MINUTES).range(
                    HealthStores.minuteKey(taskId, fromMinute), HealthStores.minuteKey(taskId, toMinute))) {
                while (range.hasNext()) {
                    KeyValue<String, byte[]> entry = range.next();
                    long minute = Long.parseLong(entry.key.substring(entry.key.lastIndexOf('|') + 1));
                    found.add(new Minute(minute, HealthStores.read(entry.value, HealthCounts.class, HealthCounts.empty())));
                }
            }
            return found;
        });
    }

    /** A store may stop answering at any read while its thread starts, restores or hands partitions over. */
    private static <T> T queried(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new HealthUnavailableException(e);
        }
    }

    /** The counts of the last {@code minutes} minutes up to {@code now}, summed. */
    public HealthCounts window(String taskId, int minutes, Instant now) {
        long last = HealthStores.epochMinute(now);
        HealthCounts sum = HealthCounts.empty();
        for (Minute minute : minutes(taskId, last - minutes + 1, last)) {
            sum = sum.plus(minute.counts());
        }
        return sum;
    }

    private ReadOnlyKeyValueStore<String, byte[]> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    }
}
