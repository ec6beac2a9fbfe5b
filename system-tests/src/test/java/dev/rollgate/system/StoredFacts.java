package dev.rollgate.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the system has written: the contents of every table of both databases (a digest of their rows,
 * so that a changed row shows as well as an added one), and how many messages each topic holds (a topic
 * only grows).
 */
final class StoredFacts {

    private StoredFacts() {
    }

    /**
     * Waits until every consumer group has committed the end of the release-events topic and nothing changes
     * for a moment, so that what a test compares is not a consumer still catching up.
     */
    static Map<String, String> quiet(String kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> caughtUp(admin));
        }
        AtomicReference<Map<String, String>> last = new AtomicReference<>(snapshot(kafka));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> last.getAndSet(snapshot(kafka)).equals(last.get()));
        return last.get();
    }

    private static boolean caughtUp(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of("rollgate.release-events")).allTopicNames().get().values()
                .forEach(topic -> topic.partitions().forEach(p ->
                        latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get();
            if (committed.keySet().stream().noneMatch(ends::containsKey)) {
                continue; // a group that does not follow the topic
            }
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                if (end.getValue() > 0 && (at == null || at.offset() < end.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    static Map<String, String> snapshot(String kafka) {
        Map<String, String> counts = new TreeMap<>();
        for (String database : List.of("rollgate_package_system", "rollgate_release_system")) {
            counts.putAll(rows(database));
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : List.of("rollgate.release-events", "rollgate.release-events.dlq")) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                long total = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
                counts.put("topic " + topic, Long.toString(total));
            }
        }
        return counts;
    }

    private static Map<String, String> rows(String database) {
        String url = "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5432") + "/" + database;
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ' rows, md5 ' || "
                        + "coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM \"" + table + "\" t")) {
                    rs.next();
                    digests.put(database + "." + table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of " + database, e);
        }
        return digests;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
