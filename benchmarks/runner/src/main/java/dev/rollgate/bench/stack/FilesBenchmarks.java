package dev.rollgate.bench.stack;

import dev.rollgate.testing.ZipFiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.rollgate.bench.stack.FigureTable.row;
import static dev.rollgate.bench.stack.FigureTable.say;

/**
 * Package files' figures against the local stack: upload throughput through the gateway (stored in the S3
 * server, checked and hashed on the way) and, for a 5 MB package with one changed file, the diff's size as a
 * share of the full package and what making it adds to the upload. Its own app; run by benchmarks/run.
 */
public final class FilesBenchmarks {

    private static final int PACKAGE_FILES = 72;
    private static final int FILE_BYTES = 85 * 1024;
    private static final int PARALLEL = 4;
    private static final Pattern DIFF_SIZE = Pattern.compile("\"diffs\":\\[\\{[^}]*\"sizeBytes\":(\\d+)");

    private final String gateway;
    private final ConsoleCalls calls = new ConsoleCalls();
    private final String app = "files-" + UUID.randomUUID().toString().substring(0, 8);

    private FilesBenchmarks(String gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FilesBenchmarks GATEWAY_URL [UPLOADS]");
            System.exit(2);
        }
        new FilesBenchmarks(args[0]).run(args.length > 1 ? Integer.parseInt(args[1]) : 10);
    }

    private void run(int uploads) throws Exception {
        say("setting up app %s with package 20000001", app);
        calls.post(gateway + "/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"Files benchmark\"}");
        calls.post(api() + "/packages", "{\"packageId\":\"20000001\",\"name\":\"Checkout\",\"type\":\"NORMAL\"}");
        Map<String, byte[]> files = site();
        byte[] first = ZipFiles.of(files);
        say("uploading %d versions of a %.1f MB package (none released, so no diffs are made)", uploads,
                first.length / 1e6);
        calls.upload(versions(), "0.0.1", first);
        long[] nanos = new long[uploads];
        for (int i = 0; i < uploads; i++) {
            long started = System.nanoTime();
            calls.upload(versions(), "1.0." + i, first);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        say("uploading %d more, %d at a time (each to a package of its own: a package's versions go up in turn)",
                uploads, PARALLEL);
        for (int p = 0; p < PARALLEL; p++) {
            calls.post(api() + "/packages", "{\"packageId\":\"" + (20000002 + p) + "\",\"name\":\"Parallel " + p
                    + "\",\"type\":\"NORMAL\"}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        long parallelStarted = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < PARALLEL; p++) {
                String url = api() + "/packages/" + (20000002 + p) + "/versions";
                done.add(pool.submit(() -> {
                    for (int i = 0; i < uploads / PARALLEL; i++) {
                        calls.upload(url, "1.0." + i, first);
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        double parallelSeconds = (System.nanoTime() - parallelStarted) / 1e9;
        int parallelUploads = uploads / PARALLEL * PARALLEL;
        String last = "1.0." + (uploads - 1);
        String official = "{\"packageId\":\"20000001\",\"version\":\"" + last
                + "\",\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}";
        String task = ConsoleCalls.field(calls.post(api() + "/release-tasks", official), "taskId");
        calls.post(api() + "/release-tasks/" + task + "/finish");

        say("uploading the next version with one file changed (a diff from %s is made)", last);
        files.put("js/app-07.js", changed(files.get("js/app-07.js")));
        byte[] next = ZipFiles.of(files);
        long started = System.nanoTime();
        String created = calls.upload(versions(), "2.0.0", next);
        long withDiff = System.nanoTime() - started;
        long diffBytes = diffSize(created);
        say("and one more with a second script rewritten whole (still a diff from %s)", last);
        byte[] rewritten = new byte[FILE_BYTES];
        new Random(7).nextBytes(rewritten);
        files.put("js/app-08.js", rewritten);
        byte[] third = ZipFiles.of(files);
        long rewrittenDiffBytes = diffSize(calls.upload(versions(), "2.0.1", third));

        double megabytes = first.length / 1e6;
        FigureTable.header("Rollgate package-file benchmarks");
        row("9. upload of a " + String.format("%.1f", megabytes) + " MB package through the gateway, p50, ms",
                LoadGenerator.percentile(nanos, 0.5), "");
        double p50Seconds = LoadGenerator.percentile(nanos, 0.5) / 1000;
        row("   upload throughput (one at a time), MB/s", megabytes / p50Seconds, "");
        row("   slowest of " + uploads + ", ms", nanos[nanos.length - 1] / 1e6, "");
        row("   upload throughput, " + PARALLEL + " at a time, MB/s", parallelUploads * megabytes / parallelSeconds,
                "");
        row("   upload with one changed file, a diff made from the released version, ms", withDiff / 1e6, "");
        row("   that diff, bytes", diffBytes, "");
        row("   the diff as a share of the full package, %", 100.0 * diffBytes / next.length, "< 10");
        row("   with a second file of 85 KiB rewritten whole: the diff, bytes", rewrittenDiffBytes, "");
        row("   that diff as a share of the full package, %", 100.0 * rewrittenDiffBytes / third.length, "< 10");
    }

    private static long diffSize(String created) {
        Matcher diff = DIFF_SIZE.matcher(created);
        return diff.find() ? Long.parseLong(diff.group(1)) : -1;
    }

    private String api() {
        return gateway + "/api/v1/apps/" + app;
    }

    private String versions() {
        return api() + "/packages/20000001/versions";
    }

    /**
     * About 5 MB zipped: an index page and 72 scripts of 85 KiB that compress about as well as minified code
     * does (random identifiers from a small alphabet), so the zip is near the size of its files.
     */
    private static Map<String, byte[]> site() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.html", "<!doctype html><title>Checkout</title><script src=\"js/app-00.js\"></script>"
                .getBytes(StandardCharsets.UTF_8));
        Random random = new Random(20261130);
        for (int i = 0; i < PACKAGE_FILES; i++) {
            byte[] script = new byte[FILE_BYTES];
            for (int j = 0; j < script.length; j++) {
                script[j] = (byte) ('!' + random.nextInt(90));
            }
            files.put(String.format("js/app-%02d.js", i), script);
        }
        return files;
    }

    /** A release's typical edit: a few hundred bytes rewritten in the middle of one script. */
    private static byte[] changed(byte[] script) {
        byte[] copy = script.clone();
        byte[] edit = "function checkout(cart) { return cart.total() > 0 && pay(cart, 'v2'); }\n".repeat(5)
                .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(edit, 0, copy, copy.length / 2, edit.length);
        return copy;
    }
}
