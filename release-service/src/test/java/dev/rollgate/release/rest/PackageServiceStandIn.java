package dev.rollgate.release.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rollgate.contracts.catalog.PackageType;
import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.catalog.PlatformSummary;
import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.testing.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers package-service's catalog paths with versions the test registers, on a port of its own, so that
 * release-service is tested over real HTTP; {@link #stop()} and {@link #restart()} make package-service go
 * away and come back. The real pair is tested together by the system tests.
 */
public class PackageServiceStandIn implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, List<PackageVersionView>> VERSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> APPS = new ConcurrentHashMap<>();
    private static int port;
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        port = FreePorts.next();
        restart();
        return Map.of("quarkus.rest-client.package-service.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        stopServing();
    }

    public static void app(String appKey) {
        APPS.put(appKey, true);
    }

    public static PackageVersionView version(String appKey, String packageId, String version, Platform platform,
                                             VersionState state) {
        APPS.put(appKey, true);
        PackageVersionView view = new PackageVersionView(appKey, packageId, version, platform, state,
                "https://cdn.example.com/" + packageId + "/" + version + ".zip", "ab".repeat(32), 1234, "/index.html",
                null, "10.0", null, Instant.parse("2026-11-01T00:00:00Z"), null, null, List.of());
        List<PackageVersionView> versions = VERSIONS.computeIfAbsent(appKey + "/" + packageId,
                key -> new CopyOnWriteArrayList<>());
        versions.removeIf(v -> v.platform() == platform && v.version().equals(version));
        versions.add(view);
        return view;
    }

    public static synchronized void stopServing() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public static synchronized void restart() {
        stopServing();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/apps/", PackageServiceStandIn::answer);
        server.start();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        // /api/v1/apps/{app}/packages[/{pkg}[/versions/{version}]]
        String appKey = parts.length > 4 ? parts[4] : "";
        if (!APPS.containsKey(appKey)) {
            send(exchange, 404, Problem.of(404, "Not Found", "app '" + appKey + "' does not exist"));
        } else if (parts.length == 6) {
            send(exchange, 200, Map.of("items", List.of(), "total", 0));
        } else if (parts.length == 7) {
            List<PackageVersionView> versions = VERSIONS.get(appKey + "/" + parts[6]);
            if (versions == null) {
                send(exchange, 404, Problem.of(404, "Not Found", "package " + parts[6] + " does not exist"));
            } else {
                send(exchange, 200, pkg(appKey, parts[6], versions));
            }
        } else {
            String query = exchange.getRequestURI().getQuery();
            Platform platform = Platform.valueOf(query.substring(query.indexOf('=') + 1));
            Version wanted = Version.parse(parts[8]);
            VERSIONS.getOrDefault(appKey + "/" + parts[6], List.of()).stream()
                    .filter(v -> v.platform() == platform && Version.parse(v.version()).equals(wanted))
                    .findFirst()
                    .ifPresentOrElse(v -> send(exchange, 200, v), () -> send(exchange, 404,
                            Problem.of(404, "Not Found", "version " + wanted + " does not exist")));
        }
    }

    private static PackageView pkg(String appKey, String packageId, List<PackageVersionView> versions) {
        List<PlatformSummary> heads = versions.stream()
                .collect(java.util.stream.Collectors.groupingBy(PackageVersionView::platform))
                .values().stream()
                .map(list -> list.stream().max(Comparator.comparing(v -> Version.parse(v.version()))).orElseThrow())
                .map(v -> new PlatformSummary(v.platform(), v.version(), v.state()))
                .sorted(Comparator.comparing(PlatformSummary::platform))
                .toList();
        return new PackageView(appKey, packageId, "Package " + packageId, null, PackageType.NORMAL, null, null, null,
                heads, List.copyOf(versions), Instant.parse("2026-11-01T00:00:00Z"));
    }

    private static void send(HttpExchange exchange, int status, Object body) {
        try (exchange) {
            byte[] bytes = ContractsJson.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : Problem.MEDIA_TYPE);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
