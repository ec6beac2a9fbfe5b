package dev.rollgate.release.service;

import dev.rollgate.contracts.event.Topics;
import dev.rollgate.release.messaging.HealthStores;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import java.util.Optional;

/**
 * Which release-service instance counts a task: the one Kafka Streams gave the task's partition. Each
 * instance announces where its HTTP is ({@code quarkus.kafka-streams.application-server}), so a health read
 * that lands on another instance is passed on to it.
 */
@ApplicationScoped
public class HealthOwner {

    private final KafkaStreams streams;

    HealthOwner(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Empty when this instance counts the task; else where it is counted. */
    public Optional<HostInfo> elsewhere(String taskId) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(HealthStores.HEALTH, taskId, Serdes.String().serializer());
        } catch (IllegalStateException | InvalidStateStoreException e) {
            throw new HealthUnavailableException(e);
        }
        if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE) {
            throw new HealthUnavailableException(new IllegalStateException("no instance holds the task's partition yet"));
        }
        // Decided by the partitions this instance's threads work on, not by comparing addresses: an address
        // can be written in several ways, a partition cannot.
        TopicPartition partition = new TopicPartition(Topics.CLIENT_REPORTS, owner.partition());
        boolean here = streams.metadataForLocalThreads().stream()
                .flatMap(thread -> thread.activeTasks().stream())
                .anyMatch(task -> task.topicPartitions().contains(partition));
        return here ? Optional.empty() : Optional.of(owner.activeHost());
    }
}
