package dev.rollgate.sdk;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.SimpleDateFormat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * What happened to the versions the gateway gave (downloaded, installed, launched, failed, rolled back),
 * sent back in batches so that a failing release can be stopped. The device is named only by a SHA-256 of
 * the app and its device (or user) id. Sending never gets in the app's way: a batch the gateway does not
 * take is tried again with growing pauses, then dropped; the queue is bounded and the oldest go first.
 */
final class OutcomeReports {

    static final int BATCH = 100;
    static final int QUEUE = 1_000;
    static final int ATTEMPTS = 5;
    private static final long FIRST_PAUSE_MILLIS = 5_000;
    private static final long LONGEST_PAUSE_MILLIS = 300_000;
    /** Reports wait this long for company before they go, unless a batch is full. */
    private static final long GATHER_MILLIS = 2_000;

    private final HttpTransport http;
    private final String url;
    private final String platform;
    private final String device;
    private final LongSupplier millis;
    private final Deque<JsonObject> queue = new ArrayDeque<>();
    private long firstQueuedAt = -1;
    private long nextAttemptAt;
    private int failedAttempts;

    OutcomeReports(HttpTransport http, String gatewayUrl, String appKey, DeviceContext context, LongSupplier millis) {
        this.http = http;
        this.url = GatewayClient.stripSlash(gatewayUrl) + "/client/v1/apps/" + GatewayClient.encode(appKey) + "/reports";
        this.platform = context.platform();
        String identity = context.deviceId() != null ? context.deviceId() : context.userId();
        this.device = sha256(appKey + "\n" + (identity != null ? identity : UUID.randomUUID().toString()));
        this.millis = millis;
    }

    /** The device's name in reports: never its raw id. */
    String device() {
        return device;
    }

    synchronized void add(String outcome, String packageId, String version, String taskId, String reason) {
        if (packageId == null || version == null) {
            return;
        }
        JsonObject report = new JsonObject();
        report.addProperty("reportId", UUID.randomUUID().toString());
        report.addProperty("packageId", packageId);
        report.addProperty("version", version);
        if (taskId != null) {
            report.addProperty("taskId", taskId);
        }
        report.addProperty("outcome", outcome);
        if (reason != null) {
            report.addProperty("reason", reason);
        }
        report.addProperty("device", device);
        report.addProperty("at", now());
        if (queue.size() >= QUEUE) {
            queue.removeFirst();
        }
        queue.addLast(report);
        if (firstQueuedAt < 0) {
            firstQueuedAt = millis.getAsLong();
        }
    }

    synchronized int pending() {
        return queue.size();
    }

    /**
     * Sends what is due: a full batch, or reports that waited long enough (any, when {@code now}), unless a
     * backoff holds them.
     */
    void flush(boolean now) {
        List<JsonObject> batch;
        synchronized (this) {
            long at = millis.getAsLong();
            if (queue.isEmpty() || at < nextAttemptAt
                    || (!now && queue.size() < BATCH && at - firstQueuedAt < GATHER_MILLIS)) {
                return;
            }
            batch = new ArrayList<>();
            for (JsonObject report : queue) {
                if (batch.size() == BATCH) {
                    break;
                }
                batch.add(report);
            }
        }
        int status = send(batch);
        synchronized (this) {
            boolean taken = status == 202;
            // A batch refused for what it is (400, 404, 413) will never be taken: drop it rather than retry.
            boolean hopeless = status == 400 || status == 404 || status == 411 || status == 413;
            if (taken || hopeless || failedAttempts + 1 >= ATTEMPTS) {
                for (int i = 0; i < batch.size() && !queue.isEmpty(); i++) {
                    queue.removeFirst();
                }
                failedAttempts = 0;
                nextAttemptAt = 0;
                firstQueuedAt = queue.isEmpty() ? -1 : millis.getAsLong() - GATHER_MILLIS;
            } else {
                failedAttempts++;
                nextAttemptAt = millis.getAsLong() + Math.min(LONGEST_PAUSE_MILLIS,
                        FIRST_PAUSE_MILLIS << Math.min(failedAttempts - 1, 10));
            }
        }
    }

    private int send(List<JsonObject> batch) {
        JsonObject body = new JsonObject();
        body.addProperty("platform", platform);
        JsonArray reports = new JsonArray();
        batch.forEach(reports::add);
        body.add("reports", reports);
        Map<String, String> headers = new HashMap<>();
        headers.put("User-Agent", "rollgate-sdk/" + RollgateClient.SDK_VERSION);
        try (HttpResponse response = http.postJson(url, headers, body.toString().getBytes(StandardCharsets.UTF_8))) {
            return response.status();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A reason code as the gateway takes it: upper-case letters, digits and underscores, at most 64. */
    static String reasonCode(String detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        int colon = detail.indexOf(':');
        String code = (colon > 0 ? detail.substring(0, colon) : detail).trim().toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9_]", "_");
        return code.isEmpty() ? null : code.length() > 64 ? code.substring(0, 64) : code;
    }

    private String now() {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(new Date(System.currentTimeMillis()));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is on every Java and Android", e);
        }
    }
}
