package dev.rollgate.bench.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Releases made through the console API at a steady pace, beside a measurement: an app of its own whose
 * packages are released officially and cancelled in turn, so that every create is a real task creation
 * (release-service asks package-service, appends, publishes; targeting-service compiles; gateways drop the
 * segment). A create that package-service's view refuses for a moment (the cancel not yet applied) is
 * counted as refused, not retried.
 */
final class ReleaseChurn implements AutoCloseable {

    private static final int PACKAGES = 40;
    /** Senders side by side: one create-and-cancel takes tens of milliseconds, so one sender alone falls short. */
    private static final int SENDERS = 4;

    private final ConsoleCalls calls;
    private final String api;
    private final long intervalNanos;
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();
    private long startedNanos;

    private ReleaseChurn(ConsoleCalls calls, String gateway, int perSecond) throws Exception {
        this.calls = calls;
        String app = "churn-" + UUID.randomUUID().toString().substring(0, 8);
        this.api = gateway + "/api/v1/apps/" + app;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) * SENDERS / perSecond;
        calls.post(gateway + "/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"Churn\"}");
        for (int p = 0; p < PACKAGES; p++) {
            String packageId = String.valueOf(40_000_000 + p);
            calls.post(api + "/packages", "{\"packageId\":\"" + packageId + "\",\"name\":\"C\",\"type\":\"NORMAL\"}");
            calls.post(api + "/packages/" + packageId + "/versions", "{\"version\":\"1.0.0\",\"platform\":\"ANDROID\","
                    + "\"clientVersionMin\":\"10.0\",\"downloadUrl\":\"https://cdn.example.com/c/1.0.0.zip\","
                    + "\"sha256\":\"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752\","
                    + "\"sizeBytes\":1000}");
        }
        for (int sender = 0; sender < SENDERS; sender++) {
            int first = sender;
            threads.add(Thread.ofPlatform().daemon().name("release-churn-" + sender).unstarted(() -> churn(first)));
        }
    }

    static ReleaseChurn start(ConsoleCalls calls, String gateway, int perSecond) throws Exception {
        ReleaseChurn churn = new ReleaseChurn(calls, gateway, perSecond);
        churn.startedNanos = System.nanoTime();
        churn.threads.forEach(Thread::start);
        return churn;
    }

    /** One sender's loop over its own packages (every SENDERS-th, from {@code first}). */
    private void churn(int first) {
        long next = System.nanoTime();
        int p = first;
        while (running) {
            String packageId = String.valueOf(40_000_000 + p);
            p = (p + SENDERS) % PACKAGES;
            try {
                String task = calls.post(api + "/release-tasks", "{\"packageId\":\"" + packageId
                        + "\",\"version\":\"1.0.0\",\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}");
                created.incrementAndGet();
                calls.post(api + "/release-tasks/" + ConsoleCalls.field(task, "taskId") + "/cancel");
            } catch (Exception e) {
                refused.incrementAndGet();
            }
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Releases created per second since the start. */
    double createdPerSecond() {
        return created.get() / ((System.nanoTime() - startedNanos) / 1e9);
    }

    long refused() {
        return refused.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
