package dev.rollgate.gateway.client;

import dev.rollgate.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A redis-server of the test's own, on a free port, that a test may stop: Redis down without harming others. */
public class PrivateRedis implements QuarkusTestResourceLifecycleManager {

    private static Process process;
    private static int port;

    @Override
    public Map<String, String> start() {
        port = FreePorts.next();
        startRedis();
        String url = "redis://127.0.0.1:" + port;
        return Map.of("quarkus.redis.hosts", url, "rollgate.gateway.redis-url", url);
    }

    /** Starts it again, empty, on the port it had: Redis back after an outage. */
    static void startRedis() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(new File("target/private-redis.log")).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server could not start (is it on the PATH?)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                stopRedis();
                throw new IllegalStateException("the private redis-server did not come up on " + port);
            }
            sleep();
        }
    }

    @Override
    public void stop() {
        stopRedis();
    }

    static void stopRedis() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean listening() {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
