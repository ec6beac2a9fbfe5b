package dev.rollgate.release.messaging;

import dev.rollgate.contracts.event.Topics;
import dev.rollgate.release.service.HealthChanges;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

/**
 * Release health with Kafka Streams: the counts live in local state stores backed by changelog topics, so
 * they survive restarts, are restored on another instance, and scale with the report topic's partitions.
 */
@ApplicationScoped
public class ReportTopology {

    @Produces
    Topology topology(HealthChanges changes, MeterRegistry metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        // Not cached: a cached entry keeps the record that wrote it, whole (a record is up to 100 reports), and
        // the cache's bound does not count that; the counter already writes a task's entries once per record.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HealthStores.DEVICES),
                Serdes.String(), Serdes.Integer()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HealthStores.HEALTH),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HealthStores.MINUTES),
                Serdes.String(), Serdes.ByteArray()).withCachingDisabled());
        builder.stream(Topics.CLIENT_REPORTS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .process(() -> new ReportCounter(changes, metrics), HealthStores.DEVICES,
                        HealthStores.HEALTH, HealthStores.MINUTES);
        return builder.build();
    }
}
