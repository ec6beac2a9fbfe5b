package dev.rollgate.gateway.audience;

import dev.rollgate.contracts.redis.RedisKeys;
import dev.rollgate.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisClientType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves time-window claims from their names before Redis Cluster support ({@code rollgate-claims:app:task}
 * and its {@code :linked} set) to the hash-tagged ones ({@link RedisKeys#timeWindowClaims}). Unlike the
 * derived keys, which targeting-service rebuilds from the topic, claims exist nowhere else: a task would
 * hand its slots out a second time. Each set is merged into its new name and dropped in one script, so
 * gateways starting together, and claims taken meanwhile, lose nothing, and a second run finds nothing to do.
 * The old names never worked on a cluster, so a cluster has none to move.
 */
@ApplicationScoped
public class ClaimKeysMigration {

    private static final Logger LOG = Logger.getLogger(ClaimKeysMigration.class);
    private static final int SCAN_COUNT = 1_000;
    /** KEYS[1]: a set under its old name; KEYS[2]: its new name. The union keeps the longer expiry. */
    private static final String MERGE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return 0
            end
            local old = redis.call('PTTL', KEYS[1])
            local new = redis.call('PTTL', KEYS[2])
            redis.call('SUNIONSTORE', KEYS[2], KEYS[1], KEYS[2])
            redis.call('DEL', KEYS[1])
            if old ~= -1 and new ~= -1 then
              redis.call('PEXPIRE', KEYS[2], math.max(old, new))
            end
            return 1""";

    private final Redis redis;
    private final boolean cluster;

    @Inject
    ClaimKeysMigration(Redis redis, GatewayConfig config) {
        this(redis, config.redisClientType() == RedisClientType.CLUSTER);
    }

    /** @param cluster whether {@code redis} is a cluster's client */
    ClaimKeysMigration(Redis redis, boolean cluster) {
        this.redis = redis;
        this.cluster = cluster;
    }

    void onStart(@Observes StartupEvent event) {
        if (cluster) {
            return;
        }
        try {
            long moved = run();
            if (moved > 0) {
                LOG.infof("moved %d time-window claim sets to their hash-tagged names", moved);
            }
        } catch (RuntimeException e) {
            // Redis down at start: the gateway answers from its cache meanwhile; the next start moves them.
            LOG.warnf("time-window claims under their old names were not moved: %s", e.getMessage());
        }
    }

    /** @return how many sets were moved */
    public long run() {
        long moved = 0;
        String cursor = "0";
        do {
            Response page = redis.sendAndAwait(Request.cmd(Command.SCAN).arg(cursor)
                    .arg("MATCH").arg(RedisKeys.CLAIMS_PREFIX + "*").arg("COUNT").arg(SCAN_COUNT));
            cursor = page.get(0).toString();
            List<Request> merges = new ArrayList<>();
            for (Response key : page.get(1)) {
                String newName = newName(key.toString());
                if (newName != null) {
                    merges.add(Request.cmd(Command.EVAL).arg(MERGE).arg(2).arg(key.toString()).arg(newName));
                }
            }
            if (!merges.isEmpty()) {
                for (Response merged : redis.batchAndAwait(merges)) {
                    moved += merged.toLong();
                }
            }
        } while (!"0".equals(cursor));
        return moved;
    }

    /** The hash-tagged name of a claims key under its old name; null for a key already tagged. */
    static String newName(String key) {
        String rest = key.substring(RedisKeys.CLAIMS_PREFIX.length());
        int colon = rest.indexOf(':');
        if (rest.indexOf('{') >= 0 || colon < 0) {
            return null;
        }
        String appKey = rest.substring(0, colon);
        String task = rest.substring(colon + 1);
        return task.endsWith(":linked")
                ? RedisKeys.timeWindowLinkedIds(appKey, task.substring(0, task.length() - ":linked".length()))
                : RedisKeys.timeWindowClaims(appKey, task);
    }
}
