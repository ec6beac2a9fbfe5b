package dev.rollgate.release.rest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs requests at the same moment: each on a thread of its own, all held at a start latch until every one
 * is ready, so that they truly overlap instead of running one after another.
 */
final class Race {

    private Race() {
    }

    @SafeVarargs
    static List<Integer> of(Supplier<Integer>... racers) {
        ExecutorService threads = Executors.newFixedThreadPool(racers.length);
        CountDownLatch ready = new CountDownLatch(racers.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Integer>> running = List.of(racers).stream()
                    .map(racer -> CompletableFuture.supplyAsync(() -> {
                        ready.countDown();
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return racer.get();
                    }, threads))
                    .toList();
            ready.await();
            start.countDown();
            return running.stream().map(CompletableFuture::join).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
