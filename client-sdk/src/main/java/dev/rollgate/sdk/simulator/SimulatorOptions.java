package dev.rollgate.sdk.simulator;

import dev.rollgate.sdk.DeviceContext;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/** The device simulator's command line. */
final class SimulatorOptions {

    static final String USAGE = String.join("\n",
            "usage: deploy/local/device [options]",
            "  --gateway URL      the gateway (default http://127.0.0.1:8080)",
            "  --app KEY          the app (default demo)",
            "  --platform P       ANDROID or IOS (default ANDROID)",
            "  --client VERSION   the app's own version (default 10.2.0)",
            "  --user ID          the user id (whitelists and time windows count it)",
            "  --device ID        the device id (default: the user id, or 'device-1')",
            "  --city, --model, --network, --os VALUE   what targeting rules read",
            "  --attr NAME=VALUE  a custom attribute (repeatable)",
            "  --dir PATH         where the device keeps its packages (default .rollgate/devices/APP-USER)",
            "  --signing-key KEY  the app's public signing key (base64, GET /api/v1/apps/APP/signing-key):",
            "                     only versions whose signature verifies are installed (SIGNATURE otherwise)",
            "  --watch            keep following releases, asking as often as the gateway allows",
            "  --fail-install     every package file (and diff) arrives damaged: installs fail (HASH_MISMATCH)",
            "  --fail-launch      every installed version fails to load in the container (LOAD_FAILED)",
            "  --no-reports       send no outcome reports to the gateway");

    String gateway = "http://127.0.0.1:8080";
    String app = "demo";
    String platform = "ANDROID";
    String clientVersion = "10.2.0";
    String user;
    String deviceId;
    String city;
    String model;
    String network;
    String os;
    final Map<String, String> attributes = new LinkedHashMap<>();
    Path storage;
    String signingKey;
    boolean watch;
    boolean help;
    boolean failInstall;
    boolean failLaunch;
    boolean reports = true;

    static SimulatorOptions parse(String[] args) {
        SimulatorOptions options = new SimulatorOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--watch")) {
                options.watch = true;
                continue;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                options.help = true;
                continue;
            }
            if (arg.equals("--fail-install")) {
                options.failInstall = true;
                continue;
            }
            if (arg.equals("--fail-launch")) {
                options.failLaunch = true;
                continue;
            }
            if (arg.equals("--no-reports")) {
                options.reports = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--gateway": options.gateway = value; break;
                case "--app": options.app = value; break;
                case "--platform": options.platform = value; break;
                case "--client": options.clientVersion = value; break;
                case "--user": options.user = value; break;
                case "--device": options.deviceId = value; break;
                case "--city": options.city = value; break;
                case "--model": options.model = value; break;
                case "--network": options.network = value; break;
                case "--os": options.os = value; break;
                case "--dir": options.storage = Paths.get(value); break;
                case "--signing-key": options.signingKey = value; break;
                case "--attr":
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--attr takes NAME=VALUE, not " + value);
                    }
                    options.attributes.put(value.substring(0, equals), value.substring(equals + 1));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (options.deviceId == null) {
            options.deviceId = options.user != null ? "device-of-" + options.user : "device-1";
        }
        if (options.storage == null) {
            options.storage = DeviceSimulator.defaultStorage(options.app, options.user != null ? options.user
                    : options.deviceId);
        }
        return options;
    }

    DeviceContext device() {
        DeviceContext.Builder builder = DeviceContext.builder(platform, clientVersion).userId(user).deviceId(deviceId)
                .city(city).model(model).network(network).osVersion(os);
        attributes.forEach(builder::attribute);
        return builder.build();
    }
}
