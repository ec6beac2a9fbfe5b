package dev.rollgate.gateway.audience;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.contracts.release.IdType;
import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.WhitelistRef;
import dev.rollgate.gateway.resolve.Audience;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.Resolver;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
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

/** Whitelist membership and time-window slots, from Redis; both fail closed. */
@ApplicationScoped
public class RedisAudience implements Audience {

    private static final Logger LOG = Logger.getLogger(RedisAudience.class);
    /** Claims outlive the window by a week, so a late question about them still has an answer. */
    private static final Duration CLAIMS_KEPT_AFTER_END = Duration.ofDays(7);

    private final Redis redis;
    private final String claimScript;
    private final String claimSha;

    RedisAudience(Redis redis) {
        this.redis = redis;
        this.claimScript = resource("/lua/claim-slot.lua");
        this.claimSha = sha1(claimScript);
    }

    @Override
    public Uni<Boolean> isMember(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
        return memberships(appKey, whitelists, client)
                .map(list -> list.stream().anyMatch(Boolean.TRUE::equals))
                .onFailure().recoverWithItem(e -> failedClosed("whitelist membership", e));
    }

    @Override
    public Uni<List<Boolean>> areMembers(String appKey, List<List<WhitelistRef>> tasks, ClientContext client) {
        List<Request> checks = new ArrayList<>();
        for (List<WhitelistRef> whitelists : tasks) {
            for (WhitelistRef whitelist : whitelists) {
                String id = idFor(whitelist, client);
                if (id != null) {
                    checks.add(Request.cmd(Command.SISMEMBER)
                            .arg(RedisKeys.whitelistMembers(appKey, whitelist.whitelistId())).arg(id));
                }
            }
        }
        if (checks.isEmpty()) {
            return Uni.createFrom().item(tasks.stream().map(t -> false).toList());
        }
        return redis.batch(checks).map(responses -> {
            List<Boolean> members = new ArrayList<>(tasks.size());
            int at = 0;
            for (List<WhitelistRef> whitelists : tasks) {
                boolean member = false;
                for (WhitelistRef whitelist : whitelists) {
                    if (idFor(whitelist, client) != null) {
                        member |= responses.get(at++).toInteger() == 1;
                    }
                }
                members.add(member);
            }
            return members;
        }).onFailure().recoverWithItem(e -> {
            failedClosed("whitelist membership", e);
            return tasks.stream().map(t -> false).toList();
        });
    }

    /**
     * Per whitelist, in order: whether the client's id of the whitelist's type is a member, or null when the
     * client did not send that id. One round trip.
     */
    public Uni<List<Boolean>> memberships(String appKey, List<WhitelistRef> whitelists, ClientContext client) {
        List<Request> checks = new ArrayList<>(whitelists.size());
        for (WhitelistRef whitelist : whitelists) {
            String id = idFor(whitelist, client);
            if (id != null) {
                checks.add(Request.cmd(Command.SISMEMBER)
                        .arg(RedisKeys.whitelistMembers(appKey, whitelist.whitelistId())).arg(id));
            }
        }
        if (checks.isEmpty()) {
            return Uni.createFrom().item(whitelists.stream().map(w -> (Boolean) null).toList());
        }
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

    /** The id of the client that a whitelist holds: userIds or deviceIds. */
    public static String idFor(WhitelistRef whitelist, ClientContext client) {
        return whitelist.idType() == IdType.USER_ID ? client.userId() : client.deviceId();
    }

    @Override
    public Uni<Boolean> holdsSlot(String appKey, ActiveRelease release, ClientContext client) {
        String key = RedisKeys.timeWindowClaims(appKey, release.taskId());
        String expireAt = Long.toString(release.grayscale().endTime().plus(CLAIMS_KEPT_AFTER_END).toEpochMilli());
        String count = Long.toString(release.grayscale().usersCount());
        return redis.send(Request.cmd(Command.EVALSHA).arg(claimSha).arg(1).arg(key).arg(client.identity())
                        .arg(count).arg(expireAt))
                .onFailure(RedisAudience::isNoScript).recoverWithUni(() -> redis.send(Request.cmd(Command.EVAL)
                        .arg(claimScript).arg(1).arg(key).arg(client.identity()).arg(count).arg(expireAt)))
                .map(r -> r.toInteger() == 1)
                .onFailure().recoverWithItem(e -> failedClosed("time-window claim", e));
    }

    /** What {@link #holdsSlot} would find, without claiming anything. */
    public Uni<SlotState> slotState(String appKey, ActiveRelease release, ClientContext client) {
        if (!Resolver.windowOpen(release, client)) {
            return Uni.createFrom().item(SlotState.ENDED);
        }
        if (client.identity() == null) {
            return Uni.createFrom().item(SlotState.NO_IDENTITY);
        }
        String key = RedisKeys.timeWindowClaims(appKey, release.taskId());
        return redis.batch(List.of(Request.cmd(Command.SISMEMBER).arg(key).arg(client.identity()),
                        Request.cmd(Command.SCARD).arg(key)))
                .map(r -> r.get(0).toInteger() == 1 ? SlotState.HELD
                        : r.get(1).toLong() < release.grayscale().usersCount() ? SlotState.FREE : SlotState.NONE_LEFT)
                .onFailure().recoverWithItem(SlotState.UNKNOWN);
    }

    private static boolean isNoScript(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static boolean failedClosed(String what, Throwable e) {
        LOG.debugf("%s failed closed: %s", what, e.getMessage());
        return false;
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
