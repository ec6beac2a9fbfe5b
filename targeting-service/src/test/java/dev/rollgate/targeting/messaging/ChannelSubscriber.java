package dev.rollgate.targeting.messaging;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Listens on a Redis pub/sub channel, as a gateway does, and keeps every message. */
final class ChannelSubscriber implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final RedisConnection connection;

    ChannelSubscriber(String channel) throws Exception {
        Redis client = Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"))
                .setPreferredProtocolVersion(ProtocolVersion.RESP2));
        connection = client.connect().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        connection.handler(message -> {
            if (message.size() >= 3 && "message".equals(message.get(0).toString())) {
                messages.add(message.get(2).toString());
            }
        });
        connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).toCompletionStage().toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
    }

    List<String> messages() {
        return messages;
    }

    @Override
    public void close() throws Exception {
        connection.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
