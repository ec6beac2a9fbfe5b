package dev.rollgate.bench.stack;

import dev.rollgate.contracts.event.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.rollgate.bench.stack.FigureTable.ratio;
import static dev.rollgate.bench.stack.FigureTable.row;
import static dev.rollgate.bench.stack.FigureTable.say;

/**
 * The stack's figures, against the local stack that {@code deploy/local/up} started and a bare endpoint:
 * propagation, throughput against the bare endpoint, latency at half load, rebuild time, gateway memory.
 * Run it with {@code benchmarks/run}, which starts what it needs and prints the JMH figures too.
 */
public final class StackBenchmarks {

    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]+)\"");
    private static final int ROUNDS = 3;
    private static final int CONNECTIONS = 64;
    /** Releases measured beside other load, and the pace of releases made beside them (issue 18's figures). */
    private static final int BESIDE_RELEASES = 60;
    private static final int CHURN_PER_SECOND = 50;
    /** Seconds at the measured rate, on the same connections, before latencies count (LoadGenerator.atRate). */
    private static final int LATENCY_WARMUP_SECONDS = 5;

    private final String gateway;
    private final String bare;
    private final String targeting;
    private final String kafka;
    /** Where the gateways hear of changed segments; the propagation's stages are read from it. */
    private final String redis = System.getProperty("rollgate.bench.redis", "redis://127.0.0.1:6379");
    private final Path gatewayPid;
    private final Path barePid;
    private final ConsoleCalls calls = new ConsoleCalls();

    private StackBenchmarks(String[] args) {
        gateway = args[0];
        bare = args[1];
        targeting = args[2];
        kafka = args[3];
        gatewayPid = Path.of(args[4]);
        barePid = Path.of(args[5]);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: StackBenchmarks GATEWAY_URL BARE_URL TARGETING_URL KAFKA GATEWAY_PID_FILE"
                    + " BARE_PID_FILE [RELEASES] [SECONDS] [SCALE]");
            System.exit(2);
        }
        StackBenchmarks bench = new StackBenchmarks(args);
        int releases = args.length > 6 ? Integer.parseInt(args[6]) : 200;
        int seconds = args.length > 7 ? Integer.parseInt(args[7]) : 15;
        if (args.length > 9 && args[9].equals("propagation")) {
            bench.propagationOnly(releases);
            return;
        }
        Dataset dataset = Dataset.fresh(args.length > 8 ? Integer.parseInt(args[8]) : 1);
        bench.run(dataset, releases, seconds);
    }

    /** Figure 1 without a dataset or the client API's load: alone, then beside the release churn. */
    private void propagationOnly(int releases) throws Exception {
        say("waiting for every service to catch up with the topic (%.1f s)",
                ConsumersCaughtUp.await(kafka, Duration.ofMinutes(10)));
        Propagation alone = propagation(releases);
        BesideReleases besideReleases = propagationBesideReleases();
        FigureTable.header("Rollgate benchmarks: propagation");
        alone(alone, releases);
        besideReleases.print();
    }

    private void run(Dataset dataset, int releases, int seconds) throws Exception {
        say("loading the dataset: %d segments x 50 packages, apps %s0 to %s%d (to profile one figure: Saturate"
                + " with -Drollgate.bench.apps=%s -Drollgate.bench.scale=%d)", dataset.segments(), dataset.prefix(),
                dataset.prefix(), dataset.apps() - 1, dataset.prefix(), dataset.scale());
        try (EventPublisher events = new EventPublisher(kafka)) {
            dataset.load(events);
            say("%d events published; waiting for targeting-service", events.published());
            awaitAnswer(dataset.clientPaths(dataset.segments()).get(dataset.segments() - 1), 50);
        }

        say("waiting for every service to catch up with the topic (%.1f s)",
                ConsumersCaughtUp.await(kafka, Duration.ofMinutes(10)));
        Propagation propagation = propagation(releases);
        say("waiting for every service to catch up with the topic (%.1f s)",
                ConsumersCaughtUp.await(kafka, Duration.ofMinutes(10)));
        List<String> paths = dataset.clientPaths(20_000);
        try (LoadGenerator load = new LoadGenerator()) {
            int answerBytes = calls.get(gateway + paths.get(3)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            List<String> barePaths = List.of("/bare?bytes=" + answerBytes);
            List<String> noRedisPaths = dataset.clientPaths(20_000, new String[] {"Paris", "Lyon"});
            say("throughput: warm-up, then %d rounds of bare endpoint, client API, clients without Redis", ROUNDS);
            // One unmeasured round first: the generator's JIT and both servers' warm up alike, whoever goes first.
            load.saturate(bare, barePaths, CONNECTIONS, 10, 10);
            load.saturate(gateway, paths, CONNECTIONS, 10, 10);
            // Rounds taken in turn, and medians of them: on shared cores one figure alone swings by half.
            double[] bareRates = new double[ROUNDS];
            double[] gatewayRates = new double[ROUNDS];
            double[] noRedisRates = new double[ROUNDS];
            double[] ratios = new double[ROUNDS];
            double[] bareCpu = new double[ROUNDS];
            double[] gatewayCpu = new double[ROUNDS];
            ProcessCpu bareProcess = ProcessCpu.ofPidFile(barePid);
            ProcessCpu gatewayProcess = ProcessCpu.ofPidFile(gatewayPid);
            long errors = 0;
            for (int round = 0; round < ROUNDS; round++) {
                LoadGenerator.Throughput bareRate = load.saturate(bare, barePaths, CONNECTIONS, 3, seconds, bareProcess);
                bareRates[round] = bareRate.perSecond();
                bareCpu[round] = bareRate.cpuMicrosPerRequest();
                LoadGenerator.Throughput gatewayRate = load.saturate(gateway, paths, CONNECTIONS, 3, seconds,
                        gatewayProcess);
                gatewayRates[round] = gatewayRate.perSecond();
                gatewayCpu[round] = gatewayRate.cpuMicrosPerRequest();
                errors += gatewayRate.errors();
                noRedisRates[round] = load.saturate(gateway, noRedisPaths, CONNECTIONS, 3, seconds).perSecond();
                ratios[round] = gatewayRates[round] / bareRates[round];
            }
            long rss = residentKilobytes();
            int halfLoad = (int) (median(gatewayRates) / 2);
            say("latency at %d requests/s, then at %d: client API, then bare endpoint", halfLoad, halfLoad / 2);
            LoadGenerator.Latency latency = load.atRate(gateway, paths, halfLoad, LATENCY_WARMUP_SECONDS, seconds);
            // The same rate at the bare endpoint: what the machine and the generator alone add to the tail.
            LoadGenerator.Latency bareLatency = load.atRate(bare, barePaths, halfLoad, LATENCY_WARMUP_SECONDS, seconds);
            LoadGenerator.Latency quarter = load.atRate(gateway, paths, halfLoad / 2, LATENCY_WARMUP_SECONDS, seconds);
            LoadGenerator.Latency bareQuarter = load.atRate(bare, barePaths, halfLoad / 2, LATENCY_WARMUP_SECONDS, seconds);
            say("propagation while the client API runs at %d requests/s", halfLoad);
            Propagation besideLoad = propagationBeside(load, paths, halfLoad);
            BesideReleases besideReleases = propagationBesideReleases();
            // Last, because the clients it makes up crowd the others out of what the gateway remembers.
            // A first visit takes its own path through the gateway (Redis round trip, claims, remembering), which
            // the rounds above left cold: a single short round measured the JIT as much as the gateway.
            say("throughput of clients the gateway has never seen: warm-up, then %d rounds beside the bare endpoint",
                    ROUNDS);
            load.saturate(gateway, dataset.firstVisits(newTag()), CONNECTIONS, 3, 2 * seconds);
            double[] firstVisitRates = new double[ROUNDS];
            double[] firstVisitBare = new double[ROUNDS];
            double[] firstVisitRatios = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                firstVisitBare[round] = load.saturate(bare, barePaths, CONNECTIONS, 3, seconds).perSecond();
                firstVisitRates[round] = load.saturate(gateway, dataset.firstVisits(newTag()), CONNECTIONS, 3,
                        seconds).perSecond();
                firstVisitRatios[round] = firstVisitRates[round] / firstVisitBare[round];
            }

            try (EventPublisher events = new EventPublisher(kafka)) {
                dataset.churnUntil(events, 100_000);
            }
            long rebuildEvents = ConsumersCaughtUp.topicSize(kafka, Topics.RELEASE_EVENTS);
            say("rebuild of Redis from %d events on the topic", rebuildEvents);
            String rebuild = calls.post(targeting + "/admin/rebuild");

            FigureTable.header("Rollgate benchmarks");
            alone(propagation, releases);
            row("   propagation p99 while the client API runs at half load, ms (" + BESIDE_RELEASES + " releases)",
                    besideLoad.p99(), "< 50");
            row("   propagation p50 then, ms", besideLoad.p50(), "");
            row("   propagation max then, ms", besideLoad.max(), "");
            besideLoad.printStages();
            besideReleases.print();
            row("2. bare Quarkus endpoint, requests/s (" + answerBytes + "-byte answer; median of " + ROUNDS + ")",
                    median(bareRates), "");
            row("   gateway client API, requests/s (median; errors " + errors + ")", median(gatewayRates), "");
            ratio("   ratio gateway / bare (median of the rounds' ratios)", median(ratios), ">= 0.8");
            System.out.printf(Locale.ROOT, "   each round, bare / gateway / ratio: %s%n", rounds(bareRates, gatewayRates,
                    ratios));
            System.out.printf(Locale.ROOT, "   each round, CPU per request bare / gateway, microseconds: %s%n",
                    cpuRounds(bareCpu, gatewayCpu));
            row("   server CPU per request, bare endpoint, microseconds (median)", median(bareCpu), "");
            row("   server CPU per request, gateway, microseconds (median)", median(gatewayCpu), "");
            ratio("   ratio of CPU per request, bare / gateway", median(bareCpu) / median(gatewayCpu), "");
            row("   gateway, clients no grayscale rule lets in (no Redis call), requests/s", median(noRedisRates), "");
            ratio("   ratio of those / bare", median(noRedisRates) / median(bareRates), "");
            row("   gateway, every client a first visit (nothing remembered), requests/s (median)",
                    median(firstVisitRates), "");
            ratio("   ratio of those / bare (median of the rounds' ratios)", median(firstVisitRatios), ">= 0.8");
            System.out.printf(Locale.ROOT, "   each round, bare / first visits / ratio: %s%n",
                    rounds(firstVisitBare, firstVisitRates, firstVisitRatios));
            row("3. latency p50 at half load (" + latency.sent() + " requests), ms", latency.p50Millis(), "");
            row("   latency p99 at half load, ms", latency.p99Millis(), "< 10");
            row("   bare endpoint at the same rate, p50, ms", bareLatency.p50Millis(), "");
            row("   bare endpoint at the same rate, p99, ms", bareLatency.p99Millis(), "");
            row("   latency p50 at a quarter of the load (" + halfLoad / 2 + " requests/s), ms", quarter.p50Millis(), "");
            row("   latency p99 at a quarter of the load, ms", quarter.p99Millis(), "");
            row("   bare endpoint at that rate, p50, ms", bareQuarter.p50Millis(), "");
            row("   bare endpoint at that rate, p99, ms", bareQuarter.p99Millis(), "");
            row("4. rebuild from the topic, ms (" + rebuildEvents + " events on the topic)",
                    Double.parseDouble(ConsoleCalls.field(rebuild, "millis")), "< 30000");
            row("   events applied by the rebuild", Double.parseDouble(ConsoleCalls.field(rebuild, "eventsApplied")), "");
            row("6. gateway resident memory under load, MiB", rss / 1024.0, "");
        }
    }

    /** Propagation measured while the client API is held at {@code perSecond}, from start to end. */
    private Propagation propagationBeside(LoadGenerator load, List<String> paths, int perSecond) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(true);
        Thread background = Thread.ofPlatform().daemon().name("half-load").start(() -> {
            while (measuring.get()) {
                try {
                    load.atRate(gateway, paths, perSecond, 0, 5);
                } catch (Exception e) {
                    throw new IllegalStateException("the background load failed", e);
                }
            }
        });
        try {
            Thread.sleep(2_000);
            return propagation(BESIDE_RELEASES);
        } finally {
            measuring.set(false);
            background.join();
        }
    }

    /**
     * Releases a new version of one package again and again; from each 201 to the first client answer with it,
     * and where that time went ({@link PropagationStages}).
     */
    private Propagation propagation(int releases) throws Exception {
        String app = "prop-" + UUID.randomUUID().toString().substring(0, 8);
        String api = gateway + "/api/v1/apps/" + app;
        calls.post(gateway + "/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"Propagation\"}");
        calls.post(api + "/packages", "{\"packageId\":\"20000001\",\"name\":\"P\",\"type\":\"NORMAL\"}");
        String client = "/client/v1/apps/" + app + "/packages?platform=ANDROID&clientVersion=10.2.0&userId=u1";
        long[] nanos = new long[releases];
        try (PropagationStages stages = new PropagationStages(app, kafka, redis)) {
            for (int i = 0; i < releases; i++) {
                String version = "1.0." + (i + 1);
                calls.post(api + "/packages/20000001/versions", "{\"version\":\"" + version + "\",\"platform\":\"ANDROID\","
                        + "\"clientVersionMin\":\"10.0\",\"downloadUrl\":\"https://cdn.example.com/p/" + version + ".zip\","
                        + "\"sha256\":\"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752\","
                        + "\"sizeBytes\":1000}");
                calls.get(gateway + client);
                long asked = System.nanoTime();
                String task = calls.post(api + "/release-tasks", "{\"packageId\":\"20000001\",\"version\":\"" + version
                        + "\",\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}");
                long created = System.nanoTime();
                while (!version.equals(firstVersion(calls.get(gateway + client)))) {
                    if (System.nanoTime() - created > 30_000_000_000L) {
                        throw new IllegalStateException("release " + version + " did not reach the client in 30 s");
                    }
                    Thread.sleep(0, 200_000);
                }
                long seen = System.nanoTime();
                nanos[i] = seen - created;
                stages.release(asked, created, seen);
                calls.post(api + "/release-tasks/" + ConsoleCalls.field(task, "taskId") + "/finish");
            }
            Arrays.sort(nanos);
            return new Propagation(LoadGenerator.percentile(nanos, 0.5), LoadGenerator.percentile(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6, stages.summary());
        }
    }

    /** Propagation while {@link ReleaseChurn} makes releases through the console API, and the pace it reached. */
    private BesideReleases propagationBesideReleases() throws Exception {
        say("propagation while releases are created at %d a second", CHURN_PER_SECOND);
        try (ReleaseChurn churn = ReleaseChurn.start(calls, gateway, CHURN_PER_SECOND)) {
            Thread.sleep(2_000);
            Propagation propagation = propagation(BESIDE_RELEASES);
            return new BesideReleases(propagation, churn.createdPerSecond(), churn.refused());
        }
    }

    private static void alone(Propagation propagation, int releases) {
        row("1. propagation p50 (201 -> client sees it), ms", propagation.p50(), "");
        row("   propagation p99, ms (" + releases + " releases)", propagation.p99(), "< 1000 (stretch 250)");
        row("   propagation max, ms", propagation.max(), "");
        propagation.printStages();
    }

    /** One propagation figure, and its stages' p50 / p99 as {@link PropagationStages#summary()} words them. */
    private record Propagation(double p50, double p99, double max, String stages) {

        void printStages() {
            System.out.printf(Locale.ROOT, "   its stages, p50 / p99 ms: %s%n", stages);
        }
    }

    private record BesideReleases(Propagation propagation, double createdPerSecond, long refused) {

        void print() {
            row("   propagation p99 while releases are created at " + CHURN_PER_SECOND + "/s, ms", propagation.p99(),
                    "< 50");
            row("   propagation p50 then, ms", propagation.p50(), "");
            row("   propagation max then, ms", propagation.max(), "");
            propagation.printStages();
            row("   releases created meanwhile, per second (refused " + refused + ")", createdPerSecond, "");
        }
    }

    private void awaitAnswer(String path, int packages) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String body = calls.get(gateway + path);
            if (body != null && body.split("\"packageId\"").length - 1 >= packages) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("targeting-service did not compile the dataset within 5 minutes");
    }

    private long residentKilobytes() throws IOException {
        String pid = Files.readString(gatewayPid).strip();
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String firstVersion(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = VERSION.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String cpuRounds(double[] bare, double[] gateway) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bare.length; i++) {
            text.append(String.format(Locale.ROOT, "%s%.1f / %.1f", i == 0 ? "" : ";  ", bare[i], gateway[i]));
        }
        return text.toString();
    }

    /** Users no earlier round made up, so that every request of a round is a first visit. */
    private static String newTag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String rounds(double[] bare, double[] gateway, double[] ratios) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ratios.length; i++) {
            text.append(String.format(Locale.ROOT, "%s%.0f / %.0f / %.2f", i == 0 ? "" : ";  ", bare[i], gateway[i],
                    ratios[i]));
        }
        return text.toString();
    }
}
