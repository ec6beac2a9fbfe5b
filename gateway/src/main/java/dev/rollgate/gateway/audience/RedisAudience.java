package dev.rollgate.gateway.audience;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.GrayscaleMode;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.config.GatewayConfig;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.Resolver;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisClientType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/** Whitelist membership and time-window slots, from Redis. */
@ApplicationScoped
public class RedisAudience implements Audience, AudienceView {

    private static final Logger LOG = Logger.getLogger(RedisAudience.class);
    /** Claims outlive the window by a week, so a late question about them still has an answer. */
    private static final Duration CLAIMS_KEPT_AFTER_END = Duration.ofDays(7);
    private static final String ADMISSION = "whitelist membership and time-window claims";

    /** The client to ask from where this runs: the event loop's own ({@link EventLoopRedis}). */
    private final Supplier<Redis> clients;
    private final Pipeline pipeline;
    private final String claimScript;
    private final String claimSha;

    @Inject
    RedisAudience(EventLoopRedis clients, GatewayConfig config) {
        this(clients::current, config.redisClientType() == RedisClientType.CLUSTER);
    }

    /** @param cluster whether {@code redis} is a cluster's client */
    RedisAudience(Redis redis, boolean cluster) {
        this(() -> redis, cluster);
    }

    private RedisAudience(Supplier<Redis> clients, boolean cluster) {
        this.clients = clients;
        this.pipeline = new Pipeline(cluster);
        this.claimScript = resource("/lua/claim-slot.lua");
        this.claimSha = sha1(claimScript);
    }

    @Override
    public Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
        return memberships(appKey, whitelists, client)
                .map(list -> list.stream().anyMatch(Boolean.TRUE::equals))
                .onFailure().invoke(e -> logFailure("whitelist membership", e));
    }

    @Override
    public Uni<List<Boolean>> admit(String appKey, List<ActiveRelease> tasks, ClientContext client) {
        int[] asked = new int[tasks.size()];
        List<Pipeline.Keyed> requests = admission(appKey, tasks, client, Command.EVALSHA, claimSha, asked);
        if (requests.isEmpty()) {
            return Uni.createFrom().item(tasks.stream().map(task -> false).toList());
        }
        // A Redis that restarted or flushed its scripts answers NOSCRIPT: ask once more with the script's text,
        // which loads it where the claims are (on a cluster, the node of each task's claims). Asking again is
        // safe: a claim first looks whether the client already holds a slot.
        // One stage on the usual path: each Mutiny stage captures and restores the request's context.
        return pipeline.send(clients.get(), requests).onItemOrFailure().transformToUni((responses, failure) -> {
            if (failure == null) {
                return Uni.createFrom().item(admitted(responses, asked));
            }
            if (!isNoScript(failure)) {
                logFailure(ADMISSION, failure);
                return Uni.createFrom().failure(failure);
            }
            List<Pipeline.Keyed> loading = admission(appKey, tasks, client, Command.EVAL, claimScript,
                    new int[tasks.size()]);
            return pipeline.send(clients.get(), loading).map(retried -> admitted(retried, asked))
                    .onFailure().invoke(e -> logFailure(ADMISSION, e));
        });
    }

    /** Each task's answer: whether any of its {@code asked} commands found the client admitted. */
    private static List<Boolean> admitted(List<Response> responses, int[] asked) {
        List<Boolean> admitted = new ArrayList<>(asked.length);
        int at = 0;
        for (int count : asked) {
            boolean any = false;
            for (int i = 0; i < count; i++) {
                any |= responses.get(at++).toInteger() == 1;
            }
            admitted.add(any);
        }
        return admitted;
    }

    /**
     * The whitelist checks and claims that tell which tasks admit the client; {@code asked} receives how many
     * commands each task takes.
     */
    private static List<Pipeline.Keyed> admission(String appKey, List<ActiveRelease> tasks, ClientContext client,
                                                  Command claimCommand, String script, int[] asked) {
        List<Pipeline.Keyed> requests = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            ActiveRelease task = tasks.get(t);
            if (task.grayscale().mode() == GrayscaleMode.TIME_WINDOW) {
                if (client.identity() != null) {
                    requests.add(new Pipeline.Keyed(RedisKeys.timeWindowClaims(appKey, task.taskId()),
                            claim(appKey, task, client, claimCommand, script)));
                    asked[t] = 1;
                }
                continue;
            }
            for (WhitelistRef whitelist : task.whitelists()) {
                Request check = membershipCheck(appKey, whitelist, client);
                if (check != null) {
                    requests.add(new Pipeline.Keyed(RedisKeys.whitelistMembers(appKey, whitelist.whitelistId()),
                            check));
                    asked[t]++;
                }
            }
        }
        return requests;
    }

    /** {@inheritDoc} One round trip. */
    @Override
    public Uni<List<Boolean>> memberships(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
        List<Request> checks = new ArrayList<>(whitelists.size());
        for (WhitelistRef whitelist : whitelists) {
            Request check = membershipCheck(appKey, whitelist, client);
            if (check != null) {
                checks.add(check);
            }
        }
        if (checks.isEmpty()) {
            return Uni.createFrom().item(whitelists.stream().map(w -> (Boolean) null).toList());
        }
        Redis redis = clients.get();
        Uni<List<Response>> answers = checks.size() == 1
                ? redis.send(checks.get(0)).map(List::of)
                : redis.batch(checks);
        return answers.map(responses -> {
            List<Boolean> members = new ArrayList<>(whitelists.size());
            int at = 0;
            for (WhitelistRef whitelist : whitelists) {
                members.add(idFor(whitelist, client) == null ? null : responses.get(at++).toInteger() == 1);
            }
            return members;
        });
    }

    /** Whether the client's id of the whitelist's type is a member; null when the client did not send it. */
    private static Request membershipCheck(String appKey, WhitelistRef whitelist, ClientContext client) {
        String id = idFor(whitelist, client);
        return id == null ? null : Request.cmd(Command.SISMEMBER)
                .arg(RedisKeys.whitelistMembers(appKey, whitelist.whitelistId())).arg(id);
    }

    /** The id of the client that a whitelist holds: userIds or deviceIds. */
    public static String idFor(WhitelistRef whitelist, ClientContext client) {
        return whitelist.idType() == IdType.USER_ID ? client.userId() : client.deviceId();
    }

    @Override
    public Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client) {
        Redis redis = clients.get();
        return redis.send(claim(appKey, release, client, Command.EVALSHA, claimSha))
                .onFailure(RedisAudience::isNoScript).recoverWithUni(() ->
                        redis.send(claim(appKey, release, client, Command.EVAL, claimScript)))
                .map(r -> r.toInteger() == 1)
                .onFailure().invoke(e -> logFailure("time-window claim", e));
    }

    /** The claim script's call, by its SHA-1 ({@code EVALSHA}) or its text ({@code EVAL}). */
    private static Request claim(String appKey, ActiveRelease release, ClientContext client, Command command,
                                 String script) {
        String expireAt = Long.toString(release.grayscale().endTime().plus(CLAIMS_KEPT_AFTER_END).toEpochMilli());
        Request claim = Request.cmd(command).arg(script).arg(2)
                .arg(RedisKeys.timeWindowClaims(appKey, release.taskId()))
                .arg(RedisKeys.timeWindowLinkedIds(appKey, release.taskId()))
                .arg(Long.toString(release.grayscale().usersCount())).arg(expireAt);
        client.identities().forEach(claim::arg);
        return claim;
    }

    /** What {@link #holdsSlot} would find, without claiming anything. */
    @Override
    public Uni<SlotState> slotState(String appKey, ActiveRelease release, ClientContext client) {
        if (!Resolver.windowOpen(release, client)) {
            return Uni.createFrom().item(SlotState.ENDED);
        }
        if (client.identity() == null) {
            return Uni.createFrom().item(SlotState.NO_IDENTITY);
        }
        String key = RedisKeys.timeWindowClaims(appKey, release.taskId());
        String linked = RedisKeys.timeWindowLinkedIds(appKey, release.taskId());
        List<Request> asks = new ArrayList<>();
        for (String identity : client.identities()) {
            asks.add(Request.cmd(Command.SISMEMBER).arg(key).arg(identity));
            asks.add(Request.cmd(Command.SISMEMBER).arg(linked).arg(identity));
        }
        asks.add(Request.cmd(Command.SCARD).arg(key));
        return clients.get().batch(asks)
                .map(r -> {
                    for (int i = 0; i < r.size() - 1; i++) {
                        if (r.get(i).toInteger() == 1) {
                            return SlotState.HELD;
                        }
                    }
                    return r.get(r.size() - 1).toLong() < release.grayscale().usersCount() ? SlotState.FREE
                            : SlotState.NONE_LEFT;
                })
                .onFailure().recoverWithItem(SlotState.UNKNOWN);
    }

    private static boolean isNoScript(Throwable e) {
        return e.getMessage() != null && e.getMessage().contains("NOSCRIPT");
    }

    private static void logFailure(String what, Throwable e) {
        LOG.debugf("%s: Redis did not answer, the task fails closed: %s", what, e.getMessage());
    }

    private static String resource(String path) {
        try (InputStream in = RedisAudience.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the gateway's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
