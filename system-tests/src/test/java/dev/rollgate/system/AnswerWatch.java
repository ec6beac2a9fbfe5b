package dev.rollgate.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks one URL again and again from a thread of its own, and counts the answers that were not 200. */
final class AnswerWatch implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpRequest request;
    private final Thread thread;
    private volatile boolean running = true;
    private int requests;
    private int failures;
    private long failingSince = -1;
    private long longestFailure;

    AnswerWatch(String url) {
        request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
        thread = Thread.ofPlatform().name("answer-watch").start(this::run);
    }

    private void run() {
        while (running) {
            int status;
            try {
                status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
            record(status);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(int status) {
        long now = System.nanoTime();
        requests++;
        if (status == 200) {
            failingSince = -1;
            return;
        }
        failures++;
        if (failingSince < 0) {
            failingSince = now;
        }
        longestFailure = Math.max(longestFailure, now - failingSince);
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }

    synchronized int requests() {
        return requests;
    }

    synchronized int failures() {
        return failures;
    }

    synchronized double longestFailureSeconds() {
        return longestFailure / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
