package dev.rollgate.sdk;

import dev.rollgate.sdk.http.HttpTransport;
import dev.rollgate.sdk.http.OkHttpTransport;
import dev.rollgate.sdk.install.DiffApplier;
import dev.rollgate.sdk.install.Downloader;
import dev.rollgate.sdk.install.Installed;
import dev.rollgate.sdk.install.PackageSignature;
import dev.rollgate.sdk.install.PackageStore;
import dev.rollgate.sdk.install.SafeUnzip;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Rollgate on the device. Asks the gateway which package versions to run, as often as the answer allows and
 * less often while the gateway fails; downloads what is new (resuming a cut download; a diff from the version
 * in use when the gateway offers one, the full package when that fails), checks its size and SHA-256 (and its
 * signature, given the app's {@linkplain Builder#signingKey signing key}, which apps should set), unpacks it
 * safely beside the version in use and switches to it atomically, keeping that one for going back; goes back
 * to it when a release is cancelled or paused; and tells the H5 container what to load.
 * Works from the last answer while the gateway or the network is away. Thread-safe.
 *
 * <pre>{@code
 * RollgateClient rollgate = RollgateClient.builder("https://rollgate.example.com", "shop",
 *         DeviceContext.builder("ANDROID", "10.2.0").userId("u1").city("Hangzhou").build(),
 *         context.getFilesDir().toPath().resolve("rollgate"))
 *     .signingKey(BuildConfig.ROLLGATE_SIGNING_KEY)     // GET /api/v1/apps/shop/signing-key
 *     .listener(event -> Log.i("rollgate", event.toString()))
 *     .build();
 * rollgate.start();                                   // checks now and whenever the gateway says to
 * webView.loadUrl(rollgate.entry("20000001").url());  // the installed page, or the online one
 * }</pre>
 */
public final class RollgateClient implements Closeable {

    /** This SDK's version (semantic versioning); sent to the gateway as its User-Agent. */
    public static final String SDK_VERSION = "1.0.0";

    private final GatewayClient gateway;
    private final PackageStore store;
    private final AnswerFile answerFile;
    private final AnswerApplier applier;
    private final SdkListener listener;
    private final CheckSchedule schedule;
    private final LongSupplier millis;
    private final ExecutorService downloads;
    private final ScheduledExecutorService timer;
    private final OutcomeReports reports;
    private final java.util.Set<String> launchesReported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile GatewayAnswer answer;

    private RollgateClient(Builder builder) {
        this.gateway = new GatewayClient(builder.http, builder.gatewayUrl, builder.appKey, builder.device);
        this.store = new PackageStore(builder.storage);
        this.answerFile = new AnswerFile(builder.storage.resolve("answer.json"));
        this.listener = builder.listener;
        this.schedule = new CheckSchedule(builder.random);
        this.millis = builder.millis;
        this.downloads = Executors.newFixedThreadPool(builder.maxConcurrentDownloads, daemon("rollgate-download"));
        this.applier = new AnswerApplier(store, new Downloader(builder.http),
                new SafeUnzip(builder.maxEntries, builder.maxUnpackedBytes),
                new DiffApplier(builder.maxEntries, builder.maxUnpackedBytes), builder.signature,
                builder.device.platform(), downloads, builder.storageCapBytes, this::emit, listener);
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("rollgate-check"));
        this.reports = builder.reports ? new OutcomeReports(builder.http, builder.gatewayUrl, builder.appKey,
                builder.device, builder.millis) : null;
    }

    public static Builder builder(String gatewayUrl, String appKey, DeviceContext device, Path storage) {
        return new Builder(gatewayUrl, appKey, device, storage);
    }

    /**
     * Cleans up what an interrupted install left, takes the last answer kept on the device, and from then on
     * syncs whenever the gateway allows (checked each second, on a thread of the SDK's own).
     */
    public void start() throws IOException {
        open();
        timer.scheduleWithFixedDelay(this::syncQuietly, 0, 1, TimeUnit.SECONDS);
    }

    /** What {@link #start()} does first, for an app that calls {@link #sync()} itself. */
    public synchronized void open() throws IOException {
        store.recover();
        if (answer == null) {
            answer = answerFile.read();
        }
    }

    /**
     * Asks the gateway when it may (not before the time the last answer named, nor during a backoff), then
     * brings the device to the answer it holds: installs what is new, goes back to kept versions, falls back
     * online for packages the answer no longer names. Blocks until every download of this round is done.
     *
     * @return whether the gateway was asked
     */
    public synchronized boolean sync() {
        boolean asked = false;
        long now = millis.getAsLong();
        if (schedule.mayAsk(now)) {
            asked = true;
            ask(now);
        }
        GatewayAnswer current = answer;
        if (current != null) {
            applier.apply(current);
        }
        if (reports != null) {
            reports.flush(false);
        }
        return asked;
    }

    /**
     * The container loaded the version in use: reported once per version, so that the release's health
     * counts this device as one that runs it.
     */
    public void reportLaunched(String packageId) {
        Installed installed = store.installed(packageId);
        if (installed != null && installed.current() != null
                && launchesReported.add(packageId + " " + installed.current())) {
            report("LAUNCHED", packageId, installed.current(), null);
        }
    }

    /** Sends the outcome reports waiting, now rather than with the next batch (an app going to background). */
    public void flushReports() {
        if (reports != null) {
            reports.flush(true);
        }
    }

    /** When the gateway may be asked next, in milliseconds from now. */
    public long millisUntilNextAsk() {
        return schedule.millisUntilAllowed(millis.getAsLong());
    }

    /** What the container loads for the package; null when it is neither installed nor in the last answer. */
    public Entry entry(String packageId) {
        try {
            Path folder = store.folderInUse(packageId);
            Installed installed = store.installed(packageId);
            if (folder != null) {
                String main = store.mainUrlInUse(packageId);
                String path = main == null || main.isEmpty() ? "index.html" : main.replaceFirst("^/+", "");
                String url = main != null && main.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? main
                        : folder.toUri().resolve(path).toString();
                return new Entry(url, installed.current(), true);
            }
        } catch (IOException e) {
            // an unreadable installation: load online
        }
        GatewayAnswer current = answer;
        PackageOffer offer = current == null ? null : current.packages().get(packageId);
        if (offer == null || offer.fallbackBaseUrl() == null) {
            return null;
        }
        String main = offer.mainUrl() == null ? "" : offer.mainUrl().replaceFirst("^/+", "");
        String base = offer.fallbackBaseUrl().endsWith("/") ? offer.fallbackBaseUrl() : offer.fallbackBaseUrl() + "/";
        return new Entry(base + main, null, false);
    }

    /**
     * The container could not load the installed version: go back to the kept one, or load online. The
     * version is installed again only when an answer names another one.
     */
    public synchronized void reportBroken(String packageId) throws IOException {
        Installed installed = store.installed(packageId);
        if (installed == null || installed.current() == null) {
            return;
        }
        report("LAUNCH_FAILED", packageId, installed.current(), "LOAD_FAILED");
        if (installed.previous() != null && store.switchToKept(packageId, installed.previous())) {
            emit(SdkEvent.Type.ROLLED_BACK, packageId, installed.previous(), "the version in use failed to load");
        } else {
            store.fallBackOnline(packageId);
            emit(SdkEvent.Type.FELL_BACK_ONLINE, packageId, installed.current(), "the version in use failed to load");
        }
    }

    /** The answer the device works from, or null before the first one. */
    public GatewayAnswer answer() {
        return answer;
    }

    /** Every package on the device with its version in use and the one kept. */
    public Map<String, Installed> installed() {
        return store.all();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        downloads.shutdownNow();
    }

    private void ask(long now) {
        GatewayAnswer current = answer;
        AskResult result = gateway.ask(current == null ? null : current.etag(), versionsInUse());
        switch (result.kind) {
            case FRESH:
                answer = result.answer;
                schedule.answered(now, result.answer.nextCheckAfterSeconds());
                try {
                    answerFile.write(result.answer);
                } catch (IOException e) {
                    // the answer is in memory; the copy on disk is only for a start without the network
                }
                emit(SdkEvent.Type.ANSWERED, null, null, "revision " + result.answer.revision());
                break;
            case NOT_MODIFIED:
                schedule.answered(now, current == null ? 60 : current.nextCheckAfterSeconds());
                emit(SdkEvent.Type.NOT_MODIFIED, null, null, null);
                break;
            default:
                schedule.failed(now, result.retryAfterSeconds);
                emit(SdkEvent.Type.ASK_FAILED, null, null, result.reason);
        }
    }

    private Map<String, String> versionsInUse() {
        Map<String, String> versions = new HashMap<>();
        store.all().forEach((packageId, installed) -> versions.put(packageId, installed.current()));
        return versions;
    }

    private void syncQuietly() {
        try {
            if (schedule.mayAsk(millis.getAsLong())) {
                sync();
            } else if (reports != null) {
                reports.flush(false);
            }
        } catch (RuntimeException e) {
            emit(SdkEvent.Type.ASK_FAILED, null, null, "unexpected: " + e);
        }
    }

    void emit(SdkEvent.Type type, String packageId, String version, String detail) {
        switch (type) {
            case DOWNLOADED:
            case INSTALLED:
            case ROLLED_BACK:
                report(type.name(), packageId, version, null);
                break;
            case INSTALL_FAILED:
                report(type.name(), packageId, version, OutcomeReports.reasonCode(detail));
                break;
            default:
                break;
        }
        try {
            listener.onEvent(new SdkEvent(type, packageId, version, detail, 0, 0));
        } catch (RuntimeException e) {
            // a listener's failure is the app's, not the SDK's
        }
    }

    private void report(String outcome, String packageId, String version, String reason) {
        if (reports == null) {
            return;
        }
        GatewayAnswer current = answer;
        PackageOffer offer = current == null || packageId == null ? null : current.packages().get(packageId);
        String taskId = offer != null && offer.version().equals(version) ? offer.taskId() : null;
        reports.add(outcome, packageId, version, taskId, reason);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** How the SDK runs; everything has a default but where the gateway is, the app, the device and the folder. */
    public static final class Builder {
        private final String gatewayUrl;
        private final String appKey;
        private final DeviceContext device;
        private final Path storage;
        private HttpTransport http;
        private SdkListener listener = SdkListener.NONE;
        private int maxConcurrentDownloads = 2;
        private long storageCapBytes = 200L << 20;
        private int maxEntries = 10_000;
        private long maxUnpackedBytes = 512L << 20;
        private LongSupplier millis = System::currentTimeMillis;
        private Random random = new Random();
        private boolean reports = true;
        private PackageSignature signature;

        private Builder(String gatewayUrl, String appKey, DeviceContext device, Path storage) {
            this.gatewayUrl = Objects.requireNonNull(gatewayUrl, "gatewayUrl");
            this.appKey = Objects.requireNonNull(appKey, "appKey");
            this.device = Objects.requireNonNull(device, "device");
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        /** The HTTP client; by default OkHttp with timeouts for a mobile network. */
        public Builder http(HttpTransport http) {
            this.http = http;
            return this;
        }

        public Builder listener(SdkListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Whether the SDK reports outcomes (downloaded, installed, launched, failed, rolled back) to the
         * gateway, naming the device only by a hash; on by default, since a release's safeguard needs them.
         */
        public Builder reports(boolean reports) {
            this.reports = reports;
            return this;
        }

        public Builder maxConcurrentDownloads(int downloads) {
            this.maxConcurrentDownloads = downloads;
            return this;
        }

        /** Past this, kept versions and packages no answer names are removed (the versions in use never). */
        public Builder storageCapBytes(long bytes) {
            this.storageCapBytes = bytes;
            return this;
        }

        /** A package with more entries, or unpacking to more bytes, is refused (a zip bomb). */
        public Builder unpackLimits(int entries, long bytes) {
            this.maxEntries = entries;
            this.maxUnpackedBytes = bytes;
            return this;
        }

        /**
         * The app's package signing key: the raw 32-byte Ed25519 public key in base64, as
         * {@code GET /api/v1/apps/{appKey}/signing-key} gives it. With it, a version is installed (in full or
         * from a diff) only when its signature verifies, checked before anything is downloaded; an unsigned or
         * wrongly signed one fails with the reason {@code SIGNATURE} and the device keeps what it has. Without
         * it nothing is checked beyond the hashes the answer names, so whoever can change an answer or a file
         * on its way can change the app's pages: apps should set it.
         *
         * @throws IllegalArgumentException when the text is not such a key
         */
        public Builder signingKey(String base64RawEd25519PublicKey) {
            this.signature = base64RawEd25519PublicKey == null ? null
                    : PackageSignature.fromBase64(base64RawEd25519PublicKey);
            return this;
        }

        /** For tests: the clock the schedule reads, and the jitter's randomness. */
        public Builder clock(LongSupplier millis, Random random) {
            this.millis = millis;
            this.random = random;
            return this;
        }

        public RollgateClient build() {
            if (http == null) {
                http = new OkHttpTransport();
            }
            return new RollgateClient(this);
        }
    }
}
