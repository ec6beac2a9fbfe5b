package dev.rollgate.sdk.simulator;

import dev.rollgate.sdk.DeviceContext;
import dev.rollgate.sdk.Entry;
import dev.rollgate.sdk.GatewayAnswer;
import dev.rollgate.sdk.PackageOffer;
import dev.rollgate.sdk.RollgateClient;
import dev.rollgate.sdk.SdkEvent;
import dev.rollgate.sdk.http.HttpTransport;
import dev.rollgate.sdk.http.OkHttpTransport;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated device: the SDK as an app runs it, printing what it asked, downloaded, verified and installed,
 * and what its H5 container would load. {@code deploy/local/device --help} lists the options.
 */
public final class DeviceSimulator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private DeviceSimulator() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("device: " + e.getMessage());
            System.err.println(SimulatorOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(SimulatorOptions.USAGE);
            return;
        }
        DeviceContext device = options.device();
        System.out.printf("device %s on %s %s, storage %s, asking %s for app %s%n",
                device.userId() != null ? "of user " + device.userId() : "without a user", device.platform(),
                options.clientVersion, options.storage, options.gateway, options.app);
        HttpTransport http = options.failInstall ? new DamagingTransport(new OkHttpTransport()) : new OkHttpTransport();
        RollgateClient.Builder builder;
        try {
            builder = RollgateClient.builder(options.gateway, options.app, device, options.storage).http(http)
                    .reports(options.reports).listener(DeviceSimulator::print).signingKey(options.signingKey);
        } catch (IllegalArgumentException e) {
            System.err.println("device: --signing-key: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(options.signingKey == null
                ? "no signing key: package signatures are not checked (--signing-key to check them)"
                : "signing key set: only versions whose signature verifies are installed");
        try (RollgateClient client = builder.build()) {
            client.open();
            do {
                if (client.sync()) {
                    launch(client, options.failLaunch);
                    printEntries(client);
                    if (options.watch) {
                        System.out.printf("%s next check in %d s (as the gateway says; Ctrl-C to stop)%n", now(),
                                Math.max(1, client.millisUntilNextAsk() / 1000));
                    }
                }
                if (options.watch) {
                    Thread.sleep(Math.max(200, Math.min(client.millisUntilNextAsk(), 1_000)));
                }
            } while (options.watch);
            client.flushReports();
        }
    }

    /** What the app's container does: load each installed version, and say whether it loaded. */
    private static void launch(RollgateClient client, boolean fail) {
        GatewayAnswer answer = client.answer();
        if (answer == null) {
            return;
        }
        for (PackageOffer offer : answer.packages().values()) {
            Entry entry = client.entry(offer.packageId());
            if (entry == null || !entry.offline() || !offer.version().equals(entry.version())) {
                continue;
            }
            if (fail) {
                try {
                    client.reportBroken(offer.packageId());
                } catch (IOException e) {
                    System.out.printf("%s %s could not go back: %s%n", now(), offer.packageId(), e.getMessage());
                }
            } else {
                client.reportLaunched(offer.packageId());
            }
        }
    }

    /** Every event but partial progress, DIFF_FAILED too: the log shows whether a diff or the full package came. */
    private static void print(SdkEvent event) {
        if (event.type() == SdkEvent.Type.PROGRESS && event.bytes() != event.total()) {
            return;
        }
        System.out.printf("%s %s%n", now(), event);
    }

    private static void printEntries(RollgateClient client) {
        GatewayAnswer answer = client.answer();
        if (answer == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (PackageOffer offer : answer.packages().values()) {
            Entry entry = client.entry(offer.packageId());
            lines.add(String.format("  %s %s (%s) -> %s", offer.packageId(), offer.version(), offer.releaseType(),
                    entry == null ? "nothing to load" : entry));
        }
        System.out.printf("%s revision %d, %d packages; the container loads:%n", now(), answer.revision(),
                answer.packages().size());
        lines.forEach(System.out::println);
    }

    private static String now() {
        return LocalTime.now().format(TIME);
    }

    /** Where the simulator keeps a device's packages when no --dir is given. */
    static Path defaultStorage(String app, String who) {
        return Paths.get(".rollgate", "devices", app + "-" + who);
    }
}
