package dev.rollgate.system;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.concurrent.TimeUnit;

/** Reads what targeting-service wrote, as an outside observer. */
final class RedisReader implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final Redis redis;

    RedisReader(String url) {
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url));
    }

    Response send(Request request) {
        try {
            return redis.send(request).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Redis did not answer " + request, e);
        }
    }

    String get(String key) {
        Response value = send(Request.cmd(Command.GET).arg(key));
        return value == null ? null : value.toString();
    }

    @Override
    public void close() {
        redis.close();
        vertx.close();
    }
}
