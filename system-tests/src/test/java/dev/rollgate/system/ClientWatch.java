package dev.rollgate.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of one app that asks every gateway, again and again, while a fault acts, and judges each answer
 * against the releases made so far: a package may be absent (not yet released there) or at its released
 * version, nothing else; a known app is never 404; a version once seen is never taken back. Records when each
 * release was first seen at every gateway.
 */
final class ClientWatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVERY = Duration.ofMillis(50);

    private final String app;
    private final List<String> gateways;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> released = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> firstSeen = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> seenAt = new ConcurrentHashMap<>();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong wrong = new AtomicLong();
    private final AtomicLong wentBack = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong shed = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    ClientWatch(String app, List<String> gateways) {
        this.app = app;
        this.gateways = gateways;
        gateways.forEach(gateway -> seenAt.put(gateway, ConcurrentHashMap.newKeySet()));
        thread = Thread.ofPlatform().name("client-watch-" + app).start(this::run);
    }

    /** From now on the package may be answered at this version. */
    void released(String packageId, String version) {
        released.put(packageId, version);
    }

    /** When the package's release was first seen at every gateway (nanoTime), or null while it was not. */
    Long seenEverywhere(String packageId) {
        Map<String, Long> seen = firstSeen.get(packageId);
        if (seen == null || seen.size() < gateways.size()) {
            return null;
        }
        return seen.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    long answers() {
        return answers.get();
    }

    long wrong() {
        return wrong.get();
    }

    long wentBack() {
        return wentBack.get();
    }

    long serverErrors() {
        return serverErrors.get();
    }

    long shed() {
        return shed.get();
    }

    private void run() {
        while (running.get()) {
            for (String gateway : gateways) {
                ask(gateway);
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void ask(String gateway) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/client/v1/apps/" + app
                + "/packages?platform=ANDROID&clientVersion=10.2&userId=watcher")).timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return; // the gateway itself is not a fault of these suites; a refused connection is not an answer
        }
        answers.incrementAndGet();
        int status = response.statusCode();
        if (status == 503 && response.headers().firstValue("Retry-After").isPresent()) {
            shed.incrementAndGet();
            return;
        }
        if (status >= 500) {
            serverErrors.incrementAndGet();
            return;
        }
        if (status != 200) {
            wrong.incrementAndGet();
            return;
        }
        judge(gateway, response.body());
    }

    private void judge(String gateway, String body) {
        Map<String, String> versions = new HashMap<>();
        try {
            for (JsonNode pkg : JSON.readTree(body).path("packages")) {
                versions.put(pkg.path("packageId").asText(), pkg.path("version").asText());
            }
        } catch (Exception e) {
            wrong.incrementAndGet();
            return;
        }
        long now = System.nanoTime();
        for (Map.Entry<String, String> answer : versions.entrySet()) {
            String expected = released.get(answer.getKey());
            if (!answer.getValue().equals(expected)) {
                wrong.incrementAndGet();
                continue;
            }
            seenAt.get(gateway).add(answer.getKey());
            firstSeen.computeIfAbsent(answer.getKey(), k -> new ConcurrentHashMap<>()).putIfAbsent(gateway, now);
        }
        for (String seen : seenAt.get(gateway)) {
            if (!versions.containsKey(seen)) {
                wentBack.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
