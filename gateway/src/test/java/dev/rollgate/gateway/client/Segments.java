package dev.rollgate.gateway.client;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.catalog.DiffPackage;
import dev.rollgate.contracts.release.AdvancedRule;
import dev.rollgate.contracts.release.GrayscaleSpec;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.ReleaseType;
import dev.rollgate.contracts.release.RuleOperator;
import dev.rollgate.contracts.release.RuleType;
import dev.rollgate.contracts.release.VersionArtifact;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.FinishedVersion;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.contracts.ruleset.Ruleset;
import dev.rollgate.contracts.ruleset.RulesetJson;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes rulesets into Redis the way targeting-service does, for gateway tests. */
public final class Segments {

    private final Redis redis;

    public Segments(Redis redis) {
        this.redis = redis;
    }

    public static String newApp() {
        return "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static VersionArtifact artifact(String packageId, String version) {
        return new VersionArtifact("https://cdn.example.com/" + packageId + "/" + version + ".zip", "b".repeat(64),
                1234, "/index.html", "https://m.example.com/" + packageId + "/", "10.0", "12.9");
    }

    /** An uploaded version: signed, with its content digest and diff packages from {@code diffsFrom}. */
    static VersionArtifact uploaded(String packageId, String version, long sizeBytes, String... diffsFrom) {
        List<DiffPackage> diffs = new java.util.ArrayList<>();
        for (String from : diffsFrom) {
            diffs.add(new DiffPackage(from, "https://cdn.example.com/" + packageId + "/" + version + "-from-" + from
                    + ".zip", "d".repeat(64), from.equals("0.9") ? sizeBytes + 1 : sizeBytes / 10));
        }
        return new VersionArtifact("https://cdn.example.com/" + packageId + "/" + version + ".zip", "b".repeat(64),
                sizeBytes, "/index.html", null, "10.0", null, "c".repeat(64), "c2lnbmF0dXJl", diffs);
    }

    static FinishedVersion finished(String packageId, String version) {
        return new FinishedVersion(version, artifact(packageId, version));
    }

    static ActiveRelease byWhitelist(String taskId, String packageId, String version, String whitelistId,
                                     List<AdvancedRule> rules) {
        return new ActiveRelease(taskId, version, ReleaseType.GRAYSCALE, false,
                GrayscaleSpec.whitelist(List.of(whitelistId)), List.of(new WhitelistRef(whitelistId, IdType.USER_ID)),
                rules, artifact(packageId, version));
    }

    static ActiveRelease byTimeWindow(String taskId, String packageId, String version, Instant end, long users) {
        return new ActiveRelease(taskId, version, ReleaseType.GRAYSCALE, false, GrayscaleSpec.timeWindow(end, users),
                List.of(), List.of(), artifact(packageId, version));
    }

    static ActiveRelease official(String taskId, String packageId, String version) {
        return new ActiveRelease(taskId, version, ReleaseType.OFFICIAL, false, null, List.of(), List.of(),
                artifact(packageId, version));
    }

    static AdvancedRule cityIn(String... cities) {
        return new AdvancedRule(RuleType.CITY, null, RuleOperator.IN, List.of(cities), false, false, null);
    }

    public void register(String app) {
        redis.sendAndAwait(Request.cmd(Command.SADD).arg(RedisKeys.KNOWN_APPS).arg(app));
    }

    void members(String app, String whitelistId, String... ids) {
        Request sadd = Request.cmd(Command.SADD).arg(RedisKeys.whitelistMembers(app, whitelistId));
        for (String id : ids) {
            sadd.arg(id);
        }
        redis.sendAndAwait(sadd);
    }

    /** Writes the ruleset and its revision; announces it only when asked, to test a lost message. */
    void write(String app, long revision, boolean announce, PackageRules... packages) {
        Ruleset ruleset = new Ruleset(Ruleset.FORMAT_VERSION, app, Platform.ANDROID, revision, List.of(packages));
        redis.sendAndAwait(Request.cmd(Command.SET).arg(RedisKeys.ruleset(app, Platform.ANDROID))
                .arg(RulesetJson.write(ruleset)));
        redis.sendAndAwait(Request.cmd(Command.HSET).arg(RedisKeys.REVISIONS)
                .arg(RedisKeys.segment(app, Platform.ANDROID)).arg(revision));
        if (announce) {
            redis.sendAndAwait(Request.cmd(Command.PUBLISH).arg(RedisKeys.SEGMENT_CHANGED_CHANNEL)
                    .arg(RedisKeys.segment(app, Platform.ANDROID)));
        }
    }
}
