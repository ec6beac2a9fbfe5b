package dev.rollgate.gateway.console;

import com.sun.net.httpserver.HttpServer;
import dev.rollgate.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for package-service: answers every request with what it received, so a test sees exactly what
 * the gateway forwarded. release-service is pointed at a port nobody listens on: a service that is down.
 */
public class UpstreamStandIn implements QuarkusTestResourceLifecycleManager {

    static final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        int port = FreePorts.next();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                sleep(3_000);
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String echo = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\"" + exchange.getRequestURI()
                    + "\",\"ifMatch\":\"" + String.valueOf(exchange.getRequestHeaders().getFirst("If-Match"))
                    .replace("\"", "\\\"")
                    + "\",\"requestId\":\"" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                    + "\",\"bodyBytes\":" + body.length + "}";
            byte[] answer = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"7\"");
            exchange.getResponseHeaders().add("Location", "/api/v1/apps/shop/packages/20000001");
            exchange.getResponseHeaders().add("X-Internal", "not for callers");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return Map.of("rollgate.gateway.package-service-url", "http://127.0.0.1:" + port,
                "rollgate.gateway.release-service-url", "http://127.0.0.1:" + FreePorts.next(),
                "rollgate.gateway.upstream-timeout", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
