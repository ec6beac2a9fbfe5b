package dev.rollgate.bench.stack;

import dev.rollgate.contracts.event.EventEnvelope;
import dev.rollgate.contracts.event.EventJson;
import dev.rollgate.contracts.event.EventType;
import dev.rollgate.contracts.event.Topics;
import dev.rollgate.contracts.event.UnreadableEventException;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.Platform;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where a release's propagation time goes, watched from outside the services: the request that creates its
 * task, its 201, the relay sending the creation to Kafka (the record's timestamp, set by the relay's
 * producer), targeting-service announcing the segment on the Redis channel the gateways listen to (heard by a
 * subscriber of this runner's own), and the first client answer that has it. The request, not the 201, starts
 * the relay's stage: on a busy host the 201 often reaches the runner after the relay has sent the event.
 */
final class PropagationStages implements AutoCloseable {

    private static final Duration ARRIVAL_WAIT = Duration.ofSeconds(5);

    private final String appKey;
    private final String segment;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Socket subscriber;
    private final Thread topicWatch;
    private final Thread channelWatch;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    /** When the relay sent the app's task creations, and when its segment was announced (System.nanoTime). */
    private final List<Long> relayed = new ArrayList<>();
    private final List<Long> announced = new ArrayList<>();
    private final List<long[]> releases = new ArrayList<>();
    /** Turns a wall-clock millisecond (a record's timestamp) into this JVM's nanoTime, to the millisecond. */
    private final long wallToNano = System.nanoTime() - System.currentTimeMillis() * 1_000_000;
    private volatile boolean running = true;

    PropagationStages(String appKey, String kafka, String redisUrl) throws IOException, InterruptedException {
        this.appKey = appKey;
        this.segment = RedisKeys.segment(appKey, Platform.ANDROID);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RELEASE_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        topicWatch = Thread.ofPlatform().daemon().name("stages-topic").start(this::watchTopic);
        URI redis = URI.create(redisUrl);
        subscriber = new Socket(redis.getHost(), redis.getPort() > 0 ? redis.getPort() : 6379);
        channelWatch = Thread.ofPlatform().daemon().name("stages-channel").start(this::watchChannel);
        if (!subscribed.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not subscribe to " + RedisKeys.SEGMENT_CHANGED_CHANNEL);
        }
    }

    /** Takes a release's times (System.nanoTime): its task asked for, its 201, and the first answer that had it. */
    void release(long askedNanos, long createdNanos, long seenNanos) throws InterruptedException {
        long deadline = System.nanoTime() + ARRIVAL_WAIT.toNanos();
        // A record's timestamp has milliseconds only: one before the ask may be this release's.
        long sent;
        while ((sent = firstAfter(relayed, askedNanos - 1_000_000)) < 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long announcement = lastAtOrBefore(announced, seenNanos);
        if (sent >= 0 && announcement >= askedNanos) {
            releases.add(new long[] {createdNanos - askedNanos, sent - askedNanos, announcement - sent,
                    seenNanos - announcement});
        }
    }

    /**
     * p50 / p99 in ms of each stage: the request to its 201, and to the relay's send (release-service's part);
     * the send to the announcement (the broker and targeting-service); the announcement to the client's answer
     * (the gateway, and this runner's request).
     */
    String summary() {
        StringBuilder text = new StringBuilder();
        String[] names = {"request to 201", "request to Kafka", "Kafka to announced", "announced to client"};
        for (int stage = 0; stage < names.length; stage++) {
            long[] nanos = new long[releases.size()];
            for (int i = 0; i < nanos.length; i++) {
                nanos[i] = Math.max(0, releases.get(i)[stage]);
            }
            Arrays.sort(nanos);
            text.append(String.format(Locale.ROOT, "%s%s %.0f / %.0f", stage == 0 ? "" : ", ", names[stage],
                    LoadGenerator.percentile(nanos, 0.5), LoadGenerator.percentile(nanos, 0.99)));
        }
        return text + " (" + releases.size() + " releases)";
    }

    private long firstAfter(List<Long> times, long after) {
        synchronized (times) {
            for (long t : times) {
                if (t >= after) {
                    return t;
                }
            }
            return -1;
        }
    }

    private long lastAtOrBefore(List<Long> times, long atMost) {
        synchronized (times) {
            long last = -1;
            for (long t : times) {
                if (t <= atMost) {
                    last = t;
                }
            }
            return last;
        }
    }

    private void watchTopic() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    // Keyed by app: the churn's events are passed over unread, on the generator's busy core.
                    if (!appKey.equals(record.key())) {
                        continue;
                    }
                    EventEnvelope envelope = readable(record.value());
                    if (envelope != null && EventType.RELEASE_TASK_CREATED.wireName().equals(envelope.type())) {
                        // When the relay sent it (the producer's timestamp), not when this runner got it: a
                        // consumer on the load generator's busy core hears of it late.
                        synchronized (relayed) {
                            relayed.add(record.timestamp() * 1_000_000 + wallToNano);
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (running) {
                throw e;
            }
        }
    }

    /** Other apps' events are on the topic too; one this runner cannot read is none of its own. */
    private static EventEnvelope readable(byte[] value) {
        try {
            return EventJson.read(value);
        } catch (UnreadableEventException e) {
            return null;
        }
    }

    /** A bare RESP subscriber: the channel carries a segment's name per announcement. */
    private void watchChannel() {
        try (Socket socket = subscriber) {
            OutputStream out = socket.getOutputStream();
            String channel = RedisKeys.SEGMENT_CHANGED_CHANNEL;
            out.write(("*2\r\n$9\r\nSUBSCRIBE\r\n$" + channel.length() + "\r\n" + channel + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (running) {
                List<String> push = readArray(in);
                long now = System.nanoTime();
                if (push.get(0).equals("subscribe")) {
                    subscribed.countDown();
                } else if (push.get(0).equals("message") && segment.equals(push.get(2))) {
                    synchronized (announced) {
                        announced.add(now);
                    }
                }
            }
        } catch (IOException e) {
            if (running) {
                throw new IllegalStateException("the announcement subscriber failed", e);
            }
        }
    }

    private static List<String> readArray(InputStream in) throws IOException {
        String header = readLine(in);
        if (header.charAt(0) != '*') {
            throw new IOException("not a pushed message: " + header);
        }
        int size = Integer.parseInt(header.substring(1));
        List<String> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String item = readLine(in);
            if (item.charAt(0) == '$') {
                byte[] bytes = in.readNBytes(Integer.parseInt(item.substring(1)) + 2);
                items.add(new String(bytes, 0, bytes.length - 2, StandardCharsets.UTF_8));
            } else {
                items.add(item.substring(1));
            }
        }
        return items;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("the connection closed");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws Exception {
        running = false;
        consumer.wakeup();
        topicWatch.join(5_000);
        consumer.close();
        subscriber.close();
        channelWatch.join(5_000);
    }
}
