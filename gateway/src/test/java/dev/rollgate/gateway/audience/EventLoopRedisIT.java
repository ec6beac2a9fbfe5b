package dev.rollgate.gateway.audience;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VertxOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.redis.client.RedisOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients per event loop against the real Redis, asked from request-like (duplicated) contexts. */
class EventLoopRedisIT {

    private Vertx vertx;
    private Redis shared;
    private EventLoopRedis loops;
    private final List<Context> loopContexts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoEventLoops() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        RedisOptions options = new RedisOptions()
                .setConnectionString(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
        shared = Redis.createClient(vertx, options);
        loops = new EventLoopRedis(shared, vertx, options);
        // Two verticle instances take the two loops in turn, as the HTTP server's instances do.
        vertx.getDelegate().deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start() {
                loopContexts.add(context);
            }
        }, new DeploymentOptions().setInstances(2)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        loops.close();
        shared.close();
        vertx.closeAndAwait();
    }

    /** What {@link EventLoopRedis#current()} gives on a new duplicate of {@code loop}'s context, as a request's. */
    private Redis askedOn(Context loop) throws Exception {
        CompletableFuture<Redis> asked = new CompletableFuture<>();
        VertxContext.createNewDuplicatedContext(loop).runOnContext(ignored -> asked.complete(loops.current()));
        return asked.get(10, TimeUnit.SECONDS);
    }

    private static String ping(Redis redis, Context loop) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        VertxContext.createNewDuplicatedContext(loop).runOnContext(ignored -> redis.send(Request.cmd(Command.PING))
                .subscribe().with(reply -> answer.complete(reply.toString()), answer::completeExceptionally));
        return answer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void offAnEventLoopTheSharedClientAnswers() {
        assertThat(loops.current()).isSameAs(shared);
        assertThat(loops.loopClients()).isZero();
    }

    @Test
    void eachLoopGetsAClientOfItsOwnAfterItsFirstQuestion() throws Exception {
        assertThat(loopContexts).hasSize(2);
        Context a = loopContexts.get(0);
        Context b = loopContexts.get(1);
        assertThat(askedOn(a)).as("the first question, while the loop's client is made").isSameAs(shared);
        Redis ofA = askedOn(a);
        assertThat(ofA).isNotSameAs(shared);
        assertThat(askedOn(a)).as("every later question of the loop").isSameAs(ofA);

        assertThat(askedOn(b)).isSameAs(shared);
        Redis ofB = askedOn(b);
        assertThat(ofB).isNotSameAs(shared).isNotSameAs(ofA);
        assertThat(loops.loopClients()).isEqualTo(2);

        assertThat(ping(ofA, a)).isEqualTo("PONG");
        assertThat(ping(ofB, b)).isEqualTo("PONG");
    }

    @Test
    void afterCloseNoLoopGetsAClient() throws Exception {
        loops.close();
        assertThat(askedOn(loopContexts.get(0))).isSameAs(shared);
        assertThat(askedOn(loopContexts.get(0))).isSameAs(shared);
        assertThat(loops.loopClients()).isZero();
    }
}
