package dev.rollgate.testing;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis server of a test's own, from the machine's {@code redis-server}, on a free port and keeping nothing
 * on disk, so that a test may restart it (and so lose everything in it) without touching anyone else's.
 * Stopped by PID on {@link #close()} and at JVM exit.
 */
public final class RedisProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    /** Nothing on disk; a replica's sync starts at once rather than after the 5 s Redis waits for others. */
    private static final List<String> EPHEMERAL = List.of("--save", "", "--appendonly", "no",
            "--repl-diskless-sync-delay", "0");

    private final int port;
    private final Path log;
    private final List<String> command;
    private Process process;

    private RedisProcess(int port, Path log, List<String> command) {
        this.port = port;
        this.log = log;
        this.command = command;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-reaper"));
    }

    public static RedisProcess startNew(Path logs) {
        return startNew(logs, null, EPHEMERAL);
    }

    /** A replica of {@code primary}, keeping nothing on disk either. */
    public static RedisProcess startReplicaOf(RedisProcess primary, Path logs) {
        List<String> options = new ArrayList<>(EPHEMERAL);
        options.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port)));
        return startNew(logs, null, options);
    }

    /**
     * {@code redis-server [config] --port <free port> --bind 127.0.0.1 [options]}: a Sentinel, for one, is a
     * config file it may rewrite and {@code --sentinel}.
     */
    public static RedisProcess startNew(Path logs, Path config, List<String> options) {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of("redis-server"));
        if (config != null) {
            command.add(config.toString());
        }
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1"));
        command.addAll(options);
        RedisProcess redis = new RedisProcess(port, logs.resolve("redis-" + port + ".log"), List.copyOf(command));
        redis.start();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts it (again: empty, as a restarted Redis without persistence is) and waits until it answers. */
    public void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started (is it installed?)", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("Redis did not start on port " + port + "; see " + log);
            }
            sleep();
        }
        LOG.infof("Redis up on %s (pid %d)", url(), process.pid());
    }

    /** Stops it as a crash would: SIGKILL, nothing kept. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.read(answer);
            return read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
