package dev.rollgate.bench.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Devices sending outcome reports as fast as the gateway takes them: senders posting batches of 100, each
 * batch from a device of its own (the per-device quota never binds), every report id new.
 */
final class ReportLoad {

    static final int BATCH = 100;

    record Intake(double reportsPerSecond, long refusedBatches) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String url;
    private final String taskId;

    ReportLoad(String gateway, String app, String taskId) {
        this.url = gateway + "/client/v1/apps/" + app + "/reports";
        this.taskId = taskId;
    }

    /**
     * Sends for {@code warmup + seconds}, as fast as the gateway takes them or at {@code perSecond} reports a
     * second (0: unpaced); counts what the gateway accepted in the last {@code seconds}.
     */
    Intake run(int senders, int warmupSeconds, int seconds, int perSecond) throws InterruptedException {
        long intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L * senders * BATCH / perSecond;
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmupSeconds).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                long batch = 0;
                long next = System.nanoTime() + (intervalNanos * sender) / senders;
                while (System.nanoTime() < end) {
                    if (intervalNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        next += intervalNanos;
                    }
                    String body = batch(sender, batch++);
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        boolean counted = System.nanoTime() >= measureFrom && System.nanoTime() < end;
                        if (response.statusCode() == 202) {
                            if (counted) {
                                accepted.addAndGet(BATCH);
                            }
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Intake(accepted.get() / (double) seconds, refused.get());
    }

    private String batch(int sender, long batch) {
        String device = randomHex();
        String at = Instant.now().toString();
        StringBuilder json = new StringBuilder(BATCH * 260).append("{\"platform\":\"ANDROID\",\"reports\":[");
        for (int i = 0; i < BATCH; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"reportId\":\"s").append(sender).append('-').append(batch).append('-').append(i)
                    .append("-").append(device, 0, 12)
                    .append("\",\"packageId\":\"20000001\",\"version\":\"1.1.0\",\"taskId\":\"").append(taskId)
                    .append("\",\"outcome\":\"").append(i % 10 == 0 ? "INSTALL_FAILED" : "LAUNCHED")
                    .append("\",\"device\":\"").append(device).append("\",\"at\":\"").append(at).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static String randomHex() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(),
                random.nextLong());
    }
}
