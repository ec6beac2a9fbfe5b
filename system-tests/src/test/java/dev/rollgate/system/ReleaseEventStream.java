package dev.rollgate.system;

import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.EventData;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.testing.EventTopicWriter;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Release events for a few apps, put on the topic from a thread of its own as fast as the broker takes
 * them, with what they must leave in Redis: per app its segment's revision (the offset of its last event,
 * as each one changes the segment), its packages and its whitelist's members. Every seventh event is sent
 * twice, as an outbox relay that crashed before it recorded a send does.
 */
final class ReleaseEventStream implements AutoCloseable {

    /** One app's events so far: each step releases a package to whitelist w1, or adds a member to w1. */
    private static final class App {
        final String key;
        final Set<String> packages = new TreeSet<>();
        final Set<String> members = new TreeSet<>();
        long whitelistVersion = 1;
        long steps;
        long lastOffset = -1;

        App(String key) {
            this.key = key;
        }
    }

    private final EventTopicWriter topic;
    private final Map<String, App> apps = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Long> producedAt = new ConcurrentLinkedQueue<>();
    private volatile boolean producing;
    private Thread thread;
    private RuntimeException failure;

    ReleaseEventStream(String kafka, List<String> appKeys) {
        topic = new EventTopicWriter(kafka);
        appKeys.forEach(key -> apps.put(key, new App(key)));
    }

    /** Registers every app and creates its whitelist w1, before any stream. */
    void registerAll() {
        for (App app : apps.values()) {
            topic.publish(app.key, "app-" + app.key, 1, new AppRegistered(app.key, app.key));
            topic.publish(app.key, "whitelist-w1", 1, new WhitelistCreated("w1", "beta", IdType.USER_ID));
        }
    }

    /** Produces, app after app, until {@link #stop()}. */
    synchronized void start() {
        producing = true;
        thread = Thread.ofPlatform().name("release-event-stream").start(() -> {
            try {
                while (producing) {
                    for (App app : apps.values()) {
                        step(app);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        });
    }

    /** Stops producing; what was produced is on the topic when it returns. */
    synchronized void stop() throws InterruptedException {
        producing = false;
        if (thread != null) {
            thread.join(30_000);
            thread = null;
        }
        if (failure != null) {
            throw new IllegalStateException("the stream could not put an event on the topic", failure);
        }
    }

    int produced() {
        return producedAt.size();
    }

    /** Waits until {@code more} events were produced after this call. */
    void awaitMore(int more, Duration atMost) {
        int until = produced() + more;
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20))
                .until(() -> produced() >= until || failure != null);
    }

    /** Events put on the topic between two {@link System#nanoTime()} readings. */
    long producedBetween(long fromNanos, long toNanos) {
        return producedAt.stream().filter(at -> at >= fromNanos && at <= toNanos).count();
    }

    /** Segment name to the revision its ruleset must have. */
    Map<String, String> revisions() {
        Map<String, String> revisions = new LinkedHashMap<>();
        apps.values().forEach(app -> revisions.put(RedisKeys.segment(app.key, Platform.ANDROID),
                Long.toString(app.lastOffset)));
        return revisions;
    }

    Set<String> apps() {
        return apps.keySet();
    }

    Set<String> packages(String app) {
        return apps.get(app).packages;
    }

    Set<String> members(String app) {
        return apps.get(app).members;
    }

    private void step(App app) {
        long n = ++app.steps;
        String stream;
        long version;
        EventData data;
        if (n % 2 == 1) {
            String packageId = Long.toString(20_000_000 + n);
            stream = "task-t" + n;
            version = 1;
            data = Events.byWhitelistInCity("t" + n, packageId, "1.0." + n, "w1", "Hangzhou");
            app.packages.add(packageId);
        } else {
            String member = "u" + n;
            stream = "whitelist-w1";
            version = ++app.whitelistVersion;
            data = new WhitelistMembersAdded("w1", List.of(member));
            app.members.add(member);
        }
        app.lastOffset = publish(app.key, stream, version, data);
        if (n % 7 == 0) {
            publish(app.key, stream, version, data); // skipped by its streamVersion: the revision stays
        }
    }

    private long publish(String app, String stream, long version, EventData data) {
        long offset = topic.publish(app, stream, version, data);
        producedAt.add(System.nanoTime());
        return offset;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        topic.close();
    }
}
