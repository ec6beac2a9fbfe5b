package dev.rollgate.gateway.console;

import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.gateway.config.GatewayConfig;
import dev.rollgate.problems.BodyLimitFilter;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Routes {@code /api/v1/**} to the service that owns it, keeping status, body and the headers that matter,
 * and forwarding the caller's token (each service checks it again) and a request id. A service that is down
 * or slower than the timeout gets the caller a 503 naming it. Simulation stays here.
 */
@ApplicationScoped
public class ConsoleProxy {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ConsoleProxy.class);
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "Authorization",
            "If-Match", "If-None-Match");
    private static final List<String> UPLOAD_HEADERS = List.of("Content-Type", "Content-Length", "Accept",
            "Authorization");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "ETag", "Location", "Retry-After",
            "WWW-Authenticate");

    private final GatewayConfig config;
    private final HttpClient client;

    ConsoleProxy(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.upstreamTimeout().toMillis())
                .setMaxPoolSize(64)
                .setKeepAlive(true));
    }

    void routes(@Observes Router router) {
        router.route("/api/v1/*").handler(this::forward);
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }

    private void forward(RoutingContext ctx) {
        Owner owner = Owner.of(ctx.normalizedPath());
        String base = switch (owner) {
            case PACKAGE_SERVICE -> config.packageServiceUrl();
            case RELEASE_SERVICE -> config.releaseServiceUrl();
            case GATEWAY -> null;
            case NONE -> null;
        };
        if (owner == Owner.GATEWAY) {
            ctx.next();
            return;
        }
        if (base == null) {
            problem(ctx, 404, "Not Found", "no console API at " + shortened(ctx.normalizedPath()));
            return;
        }
        HttpServerRequest in = ctx.request();
        String requestId = in.getHeader(REQUEST_ID) != null && in.getHeader(REQUEST_ID).length() <= 128
                ? in.getHeader(REQUEST_ID) : UUID.randomUUID().toString();
        ctx.response().putHeader(REQUEST_ID, requestId);
        if (BodyLimitFilter.isUpload(in)) {
            stream(ctx, owner, base, requestId);
            return;
        }
        // A body announced too large, or not announced at all, never gets here (http-problems' BodyLimitFilter);
        // counting as it arrives keeps a body that lies about its length from growing past the limit in memory.
        long limit = config.maxBodySize().asLongValue();
        Buffer body = Buffer.buffer();
        in.handler(chunk -> {
            if (ctx.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                ctx.response().putHeader("Connection", "close");
                problem(ctx, 413, "Content Too Large", "the body is larger than " + limit + " bytes");
                return;
            }
            body.appendBuffer(chunk);
        });
        in.exceptionHandler(e -> problem(ctx, 400, "Bad Request", "the body could not be read"));
        continueIfAsked(ctx);
        in.endHandler(done -> {
            if (ctx.response().ended()) {
                return;
            }
            client.request(options(in, base, requestId, config.upstreamTimeout(), REQUEST_HEADERS))
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(answer -> new Answer(response, answer)))
                    .onSuccess(answer -> relay(ctx, answer))
                    .onFailure(e -> unavailable(ctx, owner, e, config.upstreamTimeout()));
        });
        in.resume();
    }

    /**
     * A package upload goes through as it arrives, never whole in memory: up to hundreds of megabytes, with
     * its own, longer timeout. Its length must be announced, so that BodyLimitFilter has checked it; browsers
     * and curl always announce a form's length.
     */
    private void stream(RoutingContext ctx, Owner owner, String base, String requestId) {
        HttpServerRequest in = ctx.request();
        if (in.getHeader("Content-Length") == null) {
            BodyLimitFilter.refuse(ctx, 411, "Length Required", "a package upload must announce its Content-Length");
            return;
        }
        in.pause();
        continueIfAsked(ctx);
        client.request(options(in, base, requestId, config.uploadTimeout(), UPLOAD_HEADERS))
                .compose(request -> request.send(in))
                .compose(response -> response.body().map(answer -> new Answer(response, answer)))
                .onSuccess(answer -> relay(ctx, answer))
                .onFailure(e -> unavailable(ctx, owner, e, config.uploadTimeout()));
    }

    /**
     * curl asks before it sends a body over a megabyte ({@code Expect: 100-continue}) and waits a second for
     * an answer that never comes unless someone gives it; by here the body's announced size has passed.
     */
    private static void continueIfAsked(RoutingContext ctx) {
        if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
    }

    private static RequestOptions options(HttpServerRequest in, String base, String requestId, Duration timeout,
                                          List<String> headers) {
        RequestOptions out = new RequestOptions()
                .setAbsoluteURI(base + in.uri())
                .setMethod(in.method())
                .setTimeout(timeout.toMillis());
        for (String name : headers) {
            String value = in.getHeader(name);
            if (value != null) {
                out.putHeader(name, value);
            }
        }
        out.putHeader(REQUEST_ID, requestId);
        return out;
    }

    private record Answer(HttpClientResponse response, Buffer body) {
    }

    private static void relay(RoutingContext ctx, Answer answer) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(answer.response().statusCode());
        for (String name : RESPONSE_HEADERS) {
            String value = answer.response().getHeader(name);
            if (value != null) {
                ctx.response().putHeader(name, value);
            }
        }
        ctx.response().end(answer.body());
    }

    private void unavailable(RoutingContext ctx, Owner owner, Throwable e, Duration timeout) {
        LOG.warnf("%s did not answer %s %s: %s", owner.serviceName(), ctx.request().method(),
                shortened(ctx.normalizedPath()), e.getMessage());
        ctx.response().putHeader("Retry-After", "5");
        problem(ctx, 503, "Service Unavailable", owner.serviceName() + " is unavailable or did not answer within "
                + timeout.toMillis() + " ms");
    }

    private static void problem(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        String json;
        try {
            json = ContractsJson.mapper().writeValueAsString(Problem.of(status, title, detail));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            json = "{\"status\":" + status + "}";
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json);
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
