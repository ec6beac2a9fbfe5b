package dev.rollgate.bench.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.rollgate.bench.stack.FigureTable.ratio;
import static dev.rollgate.bench.stack.FigureTable.row;
import static dev.rollgate.bench.stack.FigureTable.say;

/**
 * Release health's figures against the local stack: reports taken per second through the gateway, alone and
 * while the client API is under load (and what they cost the client API), and the time from the report that
 * passes a safeguard to a failing device being answered the baseline. Its own app; run by benchmarks/run.
 */
public final class HealthBenchmarks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]+)\"");
    private static final String SHA = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final int CONNECTIONS = 64;
    private static final int SENDERS = 16;

    private static final int PACED_REPORTS_PER_SECOND = 50_000;

    private final String gateway;
    private final String kafka;
    private final ConsoleCalls calls = new ConsoleCalls();
    private final String app = "health-" + UUID.randomUUID().toString().substring(0, 8);
    private String whitelist;

    private HealthBenchmarks(String gateway, String kafka) {
        this.gateway = gateway;
        this.kafka = kafka;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: HealthBenchmarks GATEWAY_URL KAFKA [SECONDS] [TRIALS]");
            System.exit(2);
        }
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int trials = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        new HealthBenchmarks(args[0], args[1]).run(seconds, trials);
    }

    private void run(int seconds, int trials) throws Exception {
        say("setting up app %s: a baseline, and grayscale tasks with a safeguard", app);
        calls.post(gateway + "/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"Health benchmark\"}");
        whitelist = ConsoleCalls.field(calls.post(api() + "/whitelists", "{\"name\":\"failing\",\"idType\":\"USER_ID\"}"), "whitelistId");
        calls.post(api() + "/whitelists/" + whitelist + "/members", "{\"ids\":[\"failing-user\"]}");
        String loadTask = release("20000001");

        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            paths.add("/client/v1/apps/" + app + "/packages?platform=ANDROID&clientVersion=10.2.0&userId=user-" + i
                    + "&city=Hangzhou");
        }
        ReportLoad reports = new ReportLoad(gateway, app, loadTask);
        double alone;
        double withPaced;
        double withMax;
        int fixedRate;
        LoadGenerator.Latency latencyAlone;
        LoadGenerator.Latency[] latencyWithReports = new LoadGenerator.Latency[1];
        ReportLoad.Intake[] pacedBesideLatency = new ReportLoad.Intake[1];
        ReportLoad.Intake intakeAlone;
        ReportLoad.Intake[] paced = new ReportLoad.Intake[1];
        ReportLoad.Intake[] unpaced = new ReportLoad.Intake[1];
        try (LoadGenerator load = new LoadGenerator()) {
            say("warm-up: client API and reports");
            load.saturate(gateway, paths, CONNECTIONS, 3, 7);
            reports.run(SENDERS, 3, 7, 0);
            say("reports alone, %d s", seconds);
            intakeAlone = reports.run(SENDERS, 3, seconds, 0);
            caughtUp();
            say("client API alone, %d s", seconds);
            alone = load.saturate(gateway, paths, CONNECTIONS, 3, seconds).perSecond();
            say("client API with %d reports/s arriving, %d s", PACED_REPORTS_PER_SECOND, seconds);
            withPaced = besideReports(() -> load.saturate(gateway, paths, CONNECTIONS, 3, seconds).perSecond(),
                    () -> paced[0] = reports.run(SENDERS, 3, seconds, PACED_REPORTS_PER_SECOND));
            caughtUp();
            // The client API at a fixed quarter of its saturation: what a device waits, with and without reports.
            fixedRate = (int) (alone / 4);
            say("client API at %d requests/s alone, then with %d reports/s arriving", fixedRate,
                    PACED_REPORTS_PER_SECOND);
            latencyAlone = load.atRate(gateway, paths, fixedRate, 5, seconds);
            latencyWithReports[0] = besideReports(() -> load.atRate(gateway, paths, fixedRate, 5, seconds),
                    () -> pacedBesideLatency[0] = reports.run(SENDERS, 5, seconds, PACED_REPORTS_PER_SECOND));
            caughtUp();
            say("client API with reports as fast as they are taken, %d s", seconds);
            withMax = besideReports(() -> load.saturate(gateway, paths, CONNECTIONS, 3, seconds).perSecond(),
                    () -> unpaced[0] = reports.run(SENDERS, 3, seconds, 0));
        }
        double drain = caughtUp();

        say("safeguard: %d trials, each a new grayscale task passing its limit", trials);
        long[] nanos = new long[trials];
        for (int i = 0; i < trials; i++) {
            nanos[i] = toBaseline(String.valueOf(30_000_000 + i));
        }
        Arrays.sort(nanos);

        FigureTable.header("Rollgate release-health benchmarks");
        row("7. reports taken through the gateway, reports/s (batches of 100, alone)", intakeAlone.reportsPerSecond(), "");
        row("   client API alone, requests/s", alone, "");
        row("   reports taken at a " + PACED_REPORTS_PER_SECOND + "/s pace beside the client API, reports/s",
                paced[0].reportsPerSecond(), ">= 50000");
        row("   client API meanwhile, requests/s", withPaced, "");
        ratio("   ratio client API with those reports / alone", withPaced / alone, ">= 0.90");
        row("   client API at " + fixedRate + " requests/s alone, p50, ms", latencyAlone.p50Millis(), "");
        row("   client API at " + fixedRate + " requests/s alone, p99, ms", latencyAlone.p99Millis(), "");
        row("   the same with " + Math.round(pacedBesideLatency[0].reportsPerSecond()) + " reports/s taken, p50, ms",
                latencyWithReports[0].p50Millis(), "");
        row("   the same with those reports, p99, ms", latencyWithReports[0].p99Millis(), "");
        row("   client API requests that failed or timed out with those reports", latencyWithReports[0].errors(), "0");
        row("   reports taken as fast as they go beside the client API, reports/s", unpaced[0].reportsPerSecond(), "");
        row("   client API meanwhile, requests/s", withMax, "");
        ratio("   ratio client API with those reports / alone", withMax / alone, "");
        row("   report batches refused (all phases)", intakeAlone.refusedBatches() + paced[0].refusedBatches()
                + unpaced[0].refusedBatches(), "0");
        row("   counting caught up with the topic, s after the last load", drain, "");
        row("8. report passing the safeguard -> failing device gets the baseline, p50, ms",
                LoadGenerator.percentile(nanos, 0.5), "");
        row("   p99, ms (" + trials + " trials)", LoadGenerator.percentile(nanos, 0.99), "< 2000");
        row("   max, ms", nanos[nanos.length - 1] / 1e6, "");
    }

    /**
     * A package with a finished 1.0.0 and a grayscale 1.1.0 to the failing user; one device's failure is
     * below the safeguard's two devices, the second's passes it: from that report to the baseline.
     */
    private long toBaseline(String packageId) throws Exception {
        String taskId = release(packageId);
        String client = gateway + "/client/v1/apps/" + app + "/packages?platform=ANDROID&clientVersion=10.2.0"
                + "&userId=failing-user&packageIds=" + packageId;
        awaitVersion(client, "1.1.0", System.nanoTime());
        report(packageId, taskId, "a".repeat(64));
        long crossing = System.nanoTime();
        report(packageId, taskId, "b".repeat(64));
        awaitVersion(client, "1.0.0", crossing);
        return System.nanoTime() - crossing;
    }

    /** Releases 1.0.0 officially and finishes it, then 1.1.0 grayscale with a safeguard; the grayscale task. */
    private String release(String packageId) throws Exception {
        calls.post(api() + "/packages", "{\"packageId\":\"" + packageId + "\",\"name\":\"P\",\"type\":\"NORMAL\"}");
        for (String version : List.of("1.0.0", "1.1.0")) {
            calls.post(api() + "/packages/" + packageId + "/versions", "{\"version\":\"" + version + "\",\"platform\":\"ANDROID\","
                    + "\"clientVersionMin\":\"10.0\",\"downloadUrl\":\"https://cdn.example.com/p/" + version + ".zip\","
                    + "\"sha256\":\"" + SHA + "\",\"sizeBytes\":1000}");
        }
        String baseline = ConsoleCalls.field(calls.post(api() + "/release-tasks", "{\"packageId\":\"" + packageId + "\",\"version\":\"1.0.0\","
                + "\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}"), "taskId");
        calls.post(api() + "/release-tasks/" + baseline + "/finish", "");
        return ConsoleCalls.field(calls.post(api() + "/release-tasks", "{\"packageId\":\"" + packageId + "\",\"version\":\"1.1.0\","
                + "\"platform\":\"ANDROID\",\"releaseType\":\"GRAYSCALE\",\"grayscale\":{\"mode\":\"WHITELIST\","
                + "\"whitelistIds\":[\"" + whitelist + "\"]},\"safeguard\":{\"maxFailureRate\":0.5,\"minDevices\":2,"
                + "\"window\":\"PT10M\"}}"), "taskId");
    }

    private void report(String packageId, String taskId, String device) throws Exception {
        String body = "{\"platform\":\"ANDROID\",\"reports\":[{\"reportId\":\"r-" + UUID.randomUUID() + "\",\"packageId\":\""
                + packageId + "\",\"version\":\"1.1.0\",\"taskId\":\"" + taskId + "\",\"outcome\":\"LAUNCH_FAILED\","
                + "\"reason\":\"WHITE_SCREEN\",\"device\":\"" + device + "\",\"at\":\"" + Instant.now() + "\"}]}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/client/v1/apps/" + app
                + "/reports")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("the report was refused: " + response.statusCode() + " " + response.body());
        }
    }

    private static void awaitVersion(String url, String version, long since) throws Exception {
        while (true) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = VERSION.matcher(response.body());
            if (response.statusCode() == 200 && m.find() && version.equals(m.group(1))) {
                return;
            }
            if (System.nanoTime() - since > 60_000_000_000L) {
                throw new IllegalStateException(url + " did not answer " + version + " within 60 s");
            }
            Thread.sleep(0, 500_000);
        }
    }

    private String api() {
        return gateway + "/api/v1/apps/" + app;
    }

    /** What {@code measure} measures of the client API while {@code reports} runs on a thread of its own. */
    private static <T> T besideReports(java.util.concurrent.Callable<T> measure, ReportRun reports) throws Exception {
        Thread sender = Thread.ofPlatform().start(() -> {
            try {
                reports.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        T measured = measure.call();
        sender.join();
        return measured;
    }

    @FunctionalInterface
    private interface ReportRun {
        void run() throws InterruptedException;
    }

    /** Waits until the counting (and every other consumer) has read all it was sent; the seconds it took. */
    private double caughtUp() throws Exception {
        double seconds = ConsumersCaughtUp.await(kafka, Duration.ofMinutes(10));
        say("the consumers caught up in %.1f s", seconds);
        return seconds;
    }
}
