package dev.rollgate.system;

import io.restassured.response.Response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One app of the fault suite: releases made through the console while a fault acts, each a new package
 * released officially, and a {@link ClientWatch} that judges what clients get meanwhile.
 */
final class ChaosApp implements AutoCloseable {

    private record Release(String packageId, String version, long madeAt) {
    }

    final String app;
    final ClientWatch watch;
    private final Console console;
    private final List<Release> releases = new ArrayList<>();
    private int next;
    private long commandServerErrors;

    ChaosApp(ChaosStack stack, String name) {
        this(stack, name, name + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
    }

    /** Registers the app and starts watching once both gateways know it (a moment after its registration). */
    ChaosApp(ChaosStack stack, String name, String appKey) {
        this.app = appKey;
        this.console = new Console(stack.gatewayA.url(), "chaos");
        console.post("/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"" + name + "\"}").statusCode(201);
        List<String> gateways = List.of(stack.gatewayA.url(), stack.gatewayB.url());
        for (String gateway : gateways) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> io.restassured.RestAssured.given().baseUri(gateway).queryParam("platform", "ANDROID")
                            .queryParam("clientVersion", "10.2").get("/client/v1/apps/{app}/packages", app)
                            .statusCode() == 200);
        }
        this.watch = new ClientWatch(app, gateways);
    }

    Console console() {
        return console;
    }

    /**
     * A new package, its version and an official task for it; true when the task was created. A command the
     * fault refuses (a dependency down: 503) is no release; any other 5xx is counted.
     */
    boolean release() {
        String packageId = Integer.toString(40_000_000 + next);
        String version = "1.0." + next;
        next++;
        if (!accepted(console.request().contentType("application/json").body("{\"packageId\":\"" + packageId
                + "\",\"name\":\"P\",\"type\":\"NORMAL\"}").post("/api/v1/apps/" + app + "/packages"))) {
            return false;
        }
        if (!accepted(console.request().contentType("application/json").body("""
                {"version":"%s","platform":"ANDROID","clientVersionMin":"10.0",
                 "downloadUrl":"https://cdn.example.com/%s.zip","sizeBytes":1000,
                 "sha256":"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"}"""
                .formatted(version, packageId)).post("/api/v1/apps/" + app + "/packages/" + packageId + "/versions"))) {
            return false;
        }
        watch.released(packageId, version);
        if (!accepted(console.request().contentType("application/json").body("{\"packageId\":\"" + packageId
                + "\",\"version\":\"" + version + "\",\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}")
                .post("/api/v1/apps/" + app + "/release-tasks"))) {
            return false;
        }
        releases.add(new Release(packageId, version, System.nanoTime()));
        return true;
    }

    private boolean accepted(Response response) {
        if (response.statusCode() >= 500 && response.statusCode() != 503) {
            commandServerErrors++;
        }
        return response.statusCode() == 201;
    }

    /**
     * Waits until every release made is seen at every gateway, or the deadline, and fills the figures: the
     * time to converge counts from the later of a release's command and the fault's end.
     */
    void settle(FaultFigures figures, long faultEndedAt, Duration deadline) {
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until && releases.stream().anyMatch(r -> watch.seenEverywhere(r.packageId()) == null)) {
            pause(50);
        }
        pause(500); // a last look: nothing that was seen may go away
        watch.close();
        figures.releasesMade += releases.size();
        for (Release release : releases) {
            Long seen = watch.seenEverywhere(release.packageId());
            if (seen != null) {
                figures.releasesReached++;
                long from = Math.max(release.madeAt(), faultEndedAt);
                figures.convergeMillis = Math.max(figures.convergeMillis, Math.max(0, (seen - from) / 1_000_000));
            }
        }
        figures.add(watch);
        figures.serverErrors += commandServerErrors;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
