package dev.rollgate.gateway.client;

import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.gateway.config.GatewayConfig;
import dev.rollgate.gateway.memory.HeapPressure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Overload is answered, not suffered: past {@code MAX_CLIENT_REQUESTS_IN_FLIGHT} client requests at once, or
 * while the heap stays nearly full after collections, a client request gets 503 with {@code Retry-After} at
 * once, before any work, so the gateway keeps answering its health checks and the requests it took. The SDK
 * backs off on 503 and keeps its installed versions meanwhile.
 */
@ApplicationScoped
public class ClientLoadShedding {

    private static final String RETRY_AFTER_SECONDS = "1";

    private final int limit;
    private final HeapPressure heap;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;

    ClientLoadShedding(GatewayConfig config, HeapPressure heap, MeterRegistry registry) {
        this.limit = config.maxClientRequestsInFlight();
        this.heap = heap;
        this.shed = Counter.builder("rollgate.gateway.client.shed")
                .description("client requests answered 503 because the gateway was overloaded").register(registry);
        registry.gauge("rollgate.gateway.client.in.flight", inFlight);
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 90);
    }

    private void filter(RoutingContext context) {
        if (!context.normalizedPath().startsWith("/client/")) {
            context.next();
            return;
        }
        if (heap.isHigh()) {
            refuse(context, "the gateway is short of memory; ask again in a moment");
            return;
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refuse(context, "the gateway has " + limit + " client requests under way; ask again in a moment");
            return;
        }
        context.addEndHandler(done -> inFlight.decrementAndGet());
        context.next();
    }

    private void refuse(RoutingContext context, String why) {
        shed.increment();
        Problem problem = Problem.of(503, "Service Unavailable", why);
        context.response().setStatusCode(503).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                .end(ContractsJson.mapper().valueToTree(problem).toString());
    }
}
