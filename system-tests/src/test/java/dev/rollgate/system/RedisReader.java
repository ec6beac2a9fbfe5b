package dev.rollgate.system;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /** Every key matching {@code pattern} with its content, in a form that compares: strings, sorted sets, hashes. */
    Map<String, String> snapshot(String pattern) {
        Map<String, String> snapshot = new TreeMap<>();
        for (Response key : send(Request.cmd(Command.KEYS).arg(pattern))) {
            String name = key.toString();
            String value = switch (send(Request.cmd(Command.TYPE).arg(name)).toString()) {
                case "string" -> get(name);
                case "set" -> new TreeSet<>(send(Request.cmd(Command.SMEMBERS).arg(name)).stream()
                        .map(Response::toString).toList()).toString();
                case "hash" -> {
                    Response all = send(Request.cmd(Command.HGETALL).arg(name));
                    Map<String, String> hash = new TreeMap<>();
                    all.getKeys().forEach(field -> hash.put(field, all.get(field).toString()));
                    yield hash.toString();
                }
                default -> "?";
            };
            snapshot.put(name, value);
        }
        return snapshot;
    }

    @Override
    public void close() {
        redis.close();
        vertx.close();
    }
}
