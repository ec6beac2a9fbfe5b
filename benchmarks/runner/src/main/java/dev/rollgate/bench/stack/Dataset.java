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
import java.util.UUID;

/**
 * The throughput dataset: 100 apps on both platforms (200 segments) of 50 packages each, every package with
 * a finished baseline and a tenth with a grayscale task of 3 to 5 rules; each app has a whitelist of 100
 * users, and the first app's holds 100,000. {@code --scale N} makes N times as many apps and an N times larger
 * first whitelist, with the same mix of rules.
 *
 * <p>Each run's apps have names of their own ({@link #prefix}): a run then measures segments exactly as it
 * loaded them, whatever earlier runs left on the stack (their releases, paused tasks and claims stay on their
 * own apps), so a stack with history gives the figures a fresh one does.
 */
record Dataset(String prefix, int scale) {

    static final int BASE_APPS = 100;
    private static final int BASE_FIRST_WHITELIST = 100_000;

    /** A dataset no run loaded before: its apps are {@code bench-<tag>-<n>}. */
    static Dataset fresh(int scale) {
        return new Dataset("bench-" + UUID.randomUUID().toString().substring(0, 6) + "-", scale);
    }

    int apps() {
        return BASE_APPS * scale;
    }

    int segments() {
        return apps() * Platform.values().length;
    }

    String app(int index) {
        return prefix + index;
    }

    void load(EventPublisher events) {
        for (int a = 0; a < apps(); a++) {
            String app = app(a);
            events.publish(app, "app-" + app, new AppRegistered(app, "Benchmark " + a));
            String whitelist = "w-" + app;
            events.publish(app, "whitelist-" + whitelist, new WhitelistCreated(whitelist, "testers", IdType.USER_ID));
            int members = a == 0 ? BASE_FIRST_WHITELIST * scale : 100;
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

    /**
     * Pauses and resumes the grayscale tasks of apps of their own until the topic holds at least {@code total}
     * events: the rebuild's load, kept off the apps whose throughput is measured.
     */
    void churnUntil(EventPublisher events, long total) {
        Dataset churned = new Dataset(prefix + "churn-", 1);
        churned.load(events);
        while (events.published() < total) {
            for (int a = 0; a < churned.apps() && events.published() < total; a++) {
                for (Platform platform : Platform.values()) {
                    for (int i = 3; i < TypicalSegment.PACKAGES; i += 10) {
                        String packageId = Integer.toString(20_000_000 + i);
                        String stream = grayscaleStream(churned.app(a), platform, packageId);
                        String version = "1." + i + ".1";
                        events.publish(churned.app(a), stream, new ReleaseTaskPaused(stream, packageId, version,
                                platform, ReleaseType.GRAYSCALE));
                        events.publish(churned.app(a), stream, new ReleaseTaskResumed(stream, packageId, version,
                                platform, ReleaseType.GRAYSCALE));
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
    List<String> clientPaths(int count) {
        return clientPaths(count, new String[] {"Hangzhou", "Shanghai", "Paris", "Beijing"});
    }

    /** With cities no grayscale rule lets in, no request needs Redis: the near cache and evaluator alone. */
    List<String> clientPaths(int count, String[] cities) {
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
    List<String> firstVisits(String tag) {
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

    private String clientPath(int i, String userId, String[] cities) {
        String platform = (i / apps()) % 2 == 0 ? "ANDROID" : "IOS";
        return "/client/v1/apps/" + app(i % apps()) + "/packages?platform=" + platform + "&clientVersion=10.2.0"
                + "&userId=" + userId + "&city=" + cities[i % cities.length] + "&model=SM-S918B"
                + "&osVersion=14&attr.channel=beta&attr.battery=80";
    }
}
