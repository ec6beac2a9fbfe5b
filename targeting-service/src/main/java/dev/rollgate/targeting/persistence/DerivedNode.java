package dev.rollgate.targeting.persistence;

import dev.rollgate.contracts.redis.DerivedKeys;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

import java.util.List;

/**
 * Sends a command that names no key (SCAN, UNWATCH) to the server that holds the derived keys. A cluster
 * client sends such a command to any node, but a batch to the node of its keys: so the command rides in a
 * batch behind a read of a key in the derived keys' hash slot, which changes nothing. On one server it is
 * only a read more.
 */
final class DerivedNode {

    private DerivedNode() {
    }

    static Response send(Redis redis, Request keyless) {
        return redis.batchAndAwait(pinned(keyless)).getLast();
    }

    static Response send(RedisConnection connection, Request keyless) {
        return connection.batchAndAwait(pinned(keyless)).getLast();
    }

    private static List<Request> pinned(Request keyless) {
        return List.of(Request.cmd(Command.EXISTS).arg(DerivedKeys.LIVE.state()), keyless);
    }
}
