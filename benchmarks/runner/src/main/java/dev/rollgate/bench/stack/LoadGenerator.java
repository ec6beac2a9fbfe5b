package dev.rollgate.bench.stack;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load from this JVM with Vert.x: closed loop (as many requests in flight as connections, to find
 * saturation) or open loop (a fixed rate, latency measured from when each request was due, so that a
 * stalled server is not hidden by a stalled generator). Bodies are received and dropped, not copied: on a
 * small machine the generator's own work is what bounds the figures first.
 */
final class LoadGenerator implements AutoCloseable {

    /** @param cpuMicrosPerRequest what each request cost the measured server in CPU; NaN when not measured */
    record Throughput(double perSecond, long errors, double cpuMicrosPerRequest) {
    }

    record Latency(double p50Millis, double p99Millis, double maxMillis, long sent, long errors) {
    }

    private final Vertx vertx = Vertx.vertx();

    /** Requests per second with {@code connections} requests always in flight, after a warm-up. */
    Throughput saturate(String base, List<String> paths, int connections, int warmupSeconds, int seconds)
            throws InterruptedException {
        return saturate(base, paths, connections, warmupSeconds, seconds, null);
    }

    /** As {@link #saturate(String, List, int, int, int)}, also measuring the CPU the server spends. */
    Throughput saturate(String base, List<String> paths, int connections, int warmupSeconds, int seconds,
                        ProcessCpu server) throws InterruptedException {
        URI uri = URI.create(base);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort()).setMaxPoolSize(connections).setKeepAlive(true));
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds + seconds);
        CountDownLatch finished = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            loop(client, paths, next, done, errors, end, finished);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        long before = done.get();
        long errorsBefore = errors.get();
        double cpuBefore = server == null ? Double.NaN : server.seconds();
        long started = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        long counted = done.get() - before;
        double cpu = server == null ? Double.NaN : server.seconds() - cpuBefore;
        double elapsed = (System.nanoTime() - started) / 1e9;
        finished.await(30, TimeUnit.SECONDS);
        client.close();
        return new Throughput(counted / elapsed, errors.get() - errorsBefore, cpu * 1e6 / counted);
    }

    private void loop(HttpClient client, List<String> paths, AtomicInteger next, AtomicLong done, AtomicLong errors,
                      long end, CountDownLatch finished) {
        if (System.nanoTime() >= end) {
            finished.countDown();
            return;
        }
        String path = paths.get(Math.floorMod(next.getAndIncrement(), paths.size()));
        client.request(HttpMethod.GET, path)
                .compose(request -> request.send().compose(response -> response.end().map(ended -> response)))
                .onComplete(result -> {
                    if (result.succeeded() && result.result().statusCode() < 400) {
                        done.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                    loop(client, paths, next, done, errors, end, finished);
                });
    }

    /**
     * Latency percentiles at a fixed rate, measured from each request's due time. The same connections carry
     * {@code warmupSeconds} at that rate first, unmeasured: opening a pool of connections at once stalls
     * the first few hundred milliseconds by up to a second, which alone would be the p99 of a short run,
     * and says nothing about a server that keeps its clients' connections.
     */
    Latency atRate(String base, List<String> paths, int perSecond, int warmupSeconds, int seconds)
            throws InterruptedException {
        URI uri = URI.create(base);
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                .setDefaultPort(uri.getPort()).setMaxPoolSize(256).setKeepAlive(true).setMaxWaitQueueSize(-1));
        int unmeasured = perSecond * warmupSeconds;
        int total = unmeasured + perSecond * seconds;
        long[] latencies = new long[total - unmeasured];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        CountDownLatch allDone = new CountDownLatch(total);
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / perSecond;
        AtomicInteger sent = new AtomicInteger();
        long timer = vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (sent.get() < total && start + sent.get() * intervalNanos <= now) {
                int index = sent.getAndIncrement();
                long due = start + index * intervalNanos;
                client.request(HttpMethod.GET, paths.get(index % paths.size()))
                        .compose(request -> request.send().compose(response -> response.end().map(ended -> response)))
                        .onComplete(result -> {
                            if (index >= unmeasured) {
                                if (result.succeeded() && result.result().statusCode() < 400) {
                                    latencies[recorded.getAndIncrement()] = System.nanoTime() - due;
                                } else {
                                    errors.incrementAndGet();
                                }
                            }
                            allDone.countDown();
                        });
            }
        });
        allDone.await(warmupSeconds + seconds + 60L, TimeUnit.SECONDS);
        vertx.cancelTimer(timer);
        client.close();
        long[] measured = Arrays.copyOf(latencies, recorded.get());
        Arrays.sort(measured);
        return new Latency(percentile(measured, 0.50), percentile(measured, 0.99),
                measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6, total - unmeasured, errors.get());
    }

    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(q * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    @Override
    public void close() {
        vertx.close();
    }
}
