package dev.rollgate.gateway.console;

import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.gateway.config.GatewayConfig;
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
        // A body announced too large never gets here (http-problems' BodyLimitFilter); this catches chunked ones.
        in.body().onSuccess(body -> {
            if (body.length() > config.maxBodyBytes()) {
                problem(ctx, 413, "Content Too Large", "the body is larger than " + config.maxBodyBytes() + " bytes");
                return;
            }
            RequestOptions out = new RequestOptions()
                    .setAbsoluteURI(base + in.uri())
                    .setMethod(in.method())
                    .setTimeout(config.upstreamTimeout().toMillis());
            for (String name : REQUEST_HEADERS) {
                String value = in.getHeader(name);
                if (value != null) {
                    out.putHeader(name, value);
                }
            }
            out.putHeader(REQUEST_ID, requestId);
            client.request(out)
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(answer -> new Answer(response, answer)))
                    .onSuccess(answer -> relay(ctx, answer))
                    .onFailure(e -> unavailable(ctx, owner, e));
        }).onFailure(e -> problem(ctx, 400, "Bad Request", "the body could not be read"));
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

    private void unavailable(RoutingContext ctx, Owner owner, Throwable e) {
        LOG.warnf("%s did not answer %s %s: %s", owner.serviceName(), ctx.request().method(),
                shortened(ctx.normalizedPath()), e.getMessage());
        ctx.response().putHeader("Retry-After", "5");
        problem(ctx, 503, "Service Unavailable", owner.serviceName() + " is unavailable or did not answer within "
                + config.upstreamTimeout().toMillis() + " ms");
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
