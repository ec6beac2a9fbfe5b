package dev.rollgate.bench.stack;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One throughput figure alone, against a stack where {@link StackBenchmarks} loaded the dataset: for
 * looking at one figure under a profiler without the whole run.
 * usage: Saturate BASE_URL clients|no-redis|first-visits|bare:BYTES [SECONDS] [CONNECTIONS | at:RATE], with
 * {@code -Drollgate.bench.apps=<prefix>} (and {@code -Drollgate.bench.scale=N}) naming the dataset the run loaded,
 * as it printed them.
 */
public final class Saturate {

    private Saturate() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: Saturate BASE_URL clients|no-redis|first-visits|bare:BYTES [SECONDS]"
                    + " [CONNECTIONS | at:RATE]");
            System.exit(2);
        }
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        String mode = args.length > 3 ? args[3] : "64";
        Dataset dataset = new Dataset(System.getProperty("rollgate.bench.apps", "bench-"),
                Integer.getInteger("rollgate.bench.scale", 1));
        List<String> paths = switch (args[1]) {
            case "clients" -> dataset.clientPaths(20_000);
            case "no-redis" -> dataset.clientPaths(20_000, new String[] {"Paris", "Lyon"});
            case "first-visits" -> dataset.firstVisits(UUID.randomUUID().toString().substring(0, 8));
            default -> List.of("/bare?bytes=" + args[1].substring(args[1].indexOf(':') + 1));
        };
        try (LoadGenerator load = new LoadGenerator()) {
            if (mode.startsWith("at:")) {
                int rate = Integer.parseInt(mode.substring(3));
                LoadGenerator.Latency latency = load.atRate(args[0], paths, rate, 5, seconds);
                System.out.printf(Locale.ROOT, "%s %s %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n", args[0],
                        args[1], mode, latency.p50Millis(), latency.p99Millis(), latency.maxMillis(), latency.errors());
                return;
            }
            LoadGenerator.Throughput rate = load.saturate(args[0], paths, Integer.parseInt(mode), 3, seconds);
            System.out.printf(Locale.ROOT, "%s %s: %.0f requests/s, %d errors%n", args[0], args[1], rate.perSecond(),
                    rate.errors());
        }
    }
}
