package dev.rollgate.bench.stack;

import dev.rollgate.bench.jmh.TypicalSegment;
import dev.rollgate.contracts.event.AppRegistered;
import dev.rollgate.contracts.event.ReleaseTaskCreated;
import dev.rollgate.contracts.event.ReleaseTaskFinished;
import dev.rollgate.contracts.event.ReleaseTaskPaused;
import dev.rollgate.contracts.event.ReleaseTaskResumed;
import dev.rollgate.contracts.event.WhitelistCreated;
import dev.rollgate.contracts.event.WhitelistMembersAdded;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The throughput dataset: 100 apps on both platforms (200 segments) of 50 packages each, every package with
 * a finished baseline and a tenth with a grayscale task of 3 to 5 rules; each app has a whitelist of 100
 * users, and the first app's holds 100,000.
 */
final class Dataset {

    static final int APPS = 100;
    static final String PREFIX = "bench-";

    private Dataset() {
    }

    static String app(int index) {
        return PREFIX + index;
    }

    static void load(EventPublisher events) {
        for (int a = 0; a < APPS; a++) {
            String app = app(a);
            events.publish(app, "app-" + app, new AppRegistered(app, "Benchmark " + a));
            String whitelist = "w-" + app;
            events.publish(app, "whitelist-" + whitelist, new WhitelistCreated(whitelist, "testers", IdType.USER_ID));
            int members = a == 0 ? 100_000 : 100;
            for (int from = 0; from < members; from += 5_000) {
                List<String> ids = new ArrayList<>();
                for (int m = from; m < Math.min(members, from + 5_000); m++) {
                    ids.add("u" + m);
                }
                events.publish(app, "whitelist-" + whitelist, new WhitelistMembersAdded(whitelist, ids));
            }
            for (Platform platform : Platform.values()) {
                Ruleset target = TypicalSegment.build(app, platform, 0, whitelist);
                for (PackageRules pkg : target.packages()) {
                    var baseline = pkg.finished().get(0);
                    String stream = "task-" + app + "-" + platform + "-" + pkg.packageId() + "-base";
                    events.publish(app, stream, new ReleaseTaskCreated(stream, pkg.packageId(), baseline.version(),
                            platform, ReleaseType.OFFICIAL, null, List.of(), null, null, baseline.artifact()));
                    events.publish(app, stream, new ReleaseTaskFinished(stream, pkg.packageId(), baseline.version(),
                            platform, ReleaseType.OFFICIAL));
                    for (ActiveRelease task : pkg.active()) {
                        String taskStream = grayscaleStream(app, platform, pkg.packageId());
                        events.publish(app, taskStream, new ReleaseTaskCreated(taskStream, pkg.packageId(),
                                task.version(), platform, ReleaseType.GRAYSCALE, task.grayscale(), task.rules(), null,
                                null, task.artifact()));
                    }
                }
            }
        }
        events.flush();
    }

    /** Pauses and resumes the grayscale tasks until the topic holds at least {@code total} events. */
    static void churnUntil(EventPublisher events, long total) {
        while (events.published() < total) {
            for (int a = 0; a < APPS && events.published() < total; a++) {
                for (Platform platform : Platform.values()) {
                    for (int i = 3; i < TypicalSegment.PACKAGES; i += 10) {
                        String packageId = Integer.toString(20_000_000 + i);
                        String stream = grayscaleStream(app(a), platform, packageId);
                        String version = "1." + i + ".1";
                        events.publish(app(a), stream, new ReleaseTaskPaused(stream, packageId, version, platform,
                                ReleaseType.GRAYSCALE));
                        events.publish(app(a), stream, new ReleaseTaskResumed(stream, packageId, version, platform,
                                ReleaseType.GRAYSCALE));
                    }
                }
            }
        }
        events.flush();
    }

    private static String grayscaleStream(String app, Platform platform, String packageId) {
        return "task-" + app + "-" + platform + "-" + packageId + "-gray";
    }

    /** Client requests spread over every segment, users and attributes varied; about a tenth whitelisted. */
    static List<String> clientPaths(int count) {
        return clientPaths(count, new String[] {"Hangzhou", "Shanghai", "Paris", "Beijing"});
    }

    /** With cities no grayscale rule lets in, no request needs Redis: the near cache and evaluator alone. */
    static List<String> clientPaths(int count, String[] cities) {
        List<String> paths = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            paths.add(clientPath(i, "u" + (i * 7 % 1_000), cities));
        }
        return paths;
    }

    /**
     * Requests as {@link #clientPaths(int)} makes them, but every one from a user never seen before (the tag
     * keeps runs apart), so the gateway remembers nothing about any of them: each costs its Redis round trips.
     */
    static List<String> firstVisits(String tag) {
        String[] cities = {"Hangzhou", "Shanghai", "Paris", "Beijing"};
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return clientPath(index, "new-" + tag + "-" + index, cities);
            }

            @Override
            public int size() {
                return Integer.MAX_VALUE;
            }
        };
    }

    private static String clientPath(int i, String userId, String[] cities) {
        String platform = (i / APPS) % 2 == 0 ? "ANDROID" : "IOS";
        return "/client/v1/apps/" + app(i % APPS) + "/packages?platform=" + platform + "&clientVersion=10.2.0"
                + "&userId=" + userId + "&city=" + cities[i % cities.length] + "&model=SM-S918B"
                + "&osVersion=14&attr.channel=beta&attr.battery=80";
    }
}
