package dev.rollgate.bench.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Waits until every consumer group has committed up to the end of what it reads. Each service consumes
 * the events a benchmark loads (package-service writes one transaction per release-task event), so a
 * figure measured before they catch up measures their backlog on the same cores, not the gateway.
 */
final class ConsumersCaughtUp {

    private ConsumersCaughtUp() {
    }

    /** The seconds it waited. */
    static double await(String bootstrapServers, Duration atMost) throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (lag(admin) > 0) {
                if (System.nanoTime() - started > atMost.toNanos()) {
                    throw new IllegalStateException("the services did not catch up with the topic in " + atMost);
                }
                Thread.sleep(500);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** How many events the topic holds now, in every partition. */
    static long topicSize(String bootstrapServers, String topic) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(p -> {
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
            });
            var from = admin.listOffsets(earliest).all().get();
            long size = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                size += end.getValue().offset() - from.get(end.getKey()).offset();
            }
            return size;
        }
    }

    private static long lag(Admin admin) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .toList();
        // A group nobody consumes with any more (a service of an earlier layout) would never catch up.
        List<String> live = admin.describeConsumerGroups(groups).all().get().values().stream()
                .filter(group -> !group.members().isEmpty()).map(ConsumerGroupDescription::groupId).toList();
        for (String group : live) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.merge(partition, offset.offset(), Math::min);
                }
            });
        }
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()));
        }
        return lag;
    }
}
