package dev.rollgate.system;

import dev.rollgate.testing.EventTopicWriter;
import io.restassured.response.Response;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;

/** Faults that come in through the front doors and the topic: hostile, huge, racing or poisoned input. */
final class InputFaults {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final ChaosStack stack;

    InputFaults(ChaosStack stack) {
        this.stack = stack;
    }

    FaultFigures poisonEvents() {
        FaultFigures figures = new FaultFigures("poison events on the topic between releases");
        try (ChaosApp app = new ChaosApp(stack, "poison"); EventTopicWriter topic = new EventTopicWriter(stack.kafka())) {
            app.release();
            String envelope = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"%s\",\"schemaVersion\":1,"
                    + "\"appKey\":\"" + app.app + "\",\"streamId\":\"release-task-poison\",\"streamVersion\":1,"
                    + "\"data\":%s}";
            topic.raw(app.app, envelope.formatted("ReleaseTaskPaused", "{\"taskId\":\"p\",\"packageId\":\"40000000\","
                    + "\"version\":\"1.0.0\",\"releaseType\":\"OFFICIAL\"}").getBytes(StandardCharsets.UTF_8));
            topic.raw(app.app, envelope.formatted("ReleaseTaskCreated", "null").getBytes(StandardCharsets.UTF_8));
            topic.raw(app.app, "{\"type\":".getBytes(StandardCharsets.UTF_8));
            long ended = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                app.release();
            }
            app.settle(figures, ended, SETTLE);
            figures.notes.add("3 poison events dead-lettered, the partition went on");
        }
        return figures;
    }

    FaultFigures oversizedUploads() {
        FaultFigures figures = new FaultFigures("5,000 ids of 128 CJK characters, and a 17 MB body");
        try (ChaosApp app = new ChaosApp(stack, "upload")) {
            app.release();
            String whitelist = app.console().post("/api/v1/apps/" + app.app + "/whitelists",
                    "{\"name\":\"wide\",\"idType\":\"USER_ID\"}").statusCode(201).extract().path("whitelistId");
            String wide = IntStream.range(0, 5_000).mapToObj(i -> "\"" + String.format("%05d", i) + "中".repeat(123)
                    + "\"").reduce((a, b) -> a + "," + b).orElseThrow();
            int taken = app.console().post("/api/v1/apps/" + app.app + "/whitelists/" + whitelist + "/members",
                    "{\"ids\":[" + wide + "]}").extract().statusCode();
            String huge = "{\"ids\":[" + ("\"" + "m".repeat(120) + "\",").repeat(140_000) + "\"last\"]}";
            int refused = app.console().post("/api/v1/apps/" + app.app + "/whitelists/" + whitelist + "/members", huge)
                    .extract().statusCode();
            long ended = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                app.release();
            }
            app.settle(figures, ended, SETTLE);
            figures.notes.add("wide ids: " + taken + ", 17 MB: " + refused);
            if (taken != 200 || refused != 413) {
                figures.wrongAnswers++;
            }
        }
        return figures;
    }

    FaultFigures costlyRegex() {
        FaultFigures figures = new FaultFigures("a regex of nested repeats, and clients sending its attribute");
        try (ChaosApp app = new ChaosApp(stack, "regex")) {
            app.release();
            app.console().version(app.app, "40000000", "1.1.0");
            int status = app.console().post("/api/v1/apps/" + app.app + "/release-tasks", "{\"packageId\":\"40000000\","
                    + "\"version\":\"1.1.0\",\"platform\":\"ANDROID\",\"releaseType\":\"GRAYSCALE\",\"grayscale\":"
                    + "{\"mode\":\"TIME_WINDOW\",\"endTime\":\"" + Instant.now().plusSeconds(3_600) + "\",\"usersCount\":5},"
                    + "\"rules\":[{\"type\":\"MODEL\",\"operator\":\"REGEX\",\"values\":[\"((a{100}){100}){100}\"]}]}")
                    .extract().statusCode();
            long ended = System.nanoTime();
            Clients clients = new Clients(stack.gatewayB.url());
            for (int i = 0; i < 20; i++) {
                clients.version(app.app, "40000000", "u" + i, null);
            }
            app.release();
            app.settle(figures, ended, SETTLE);
            figures.notes.add("refused with " + status);
            if (status != 400) {
                figures.wrongAnswers++;
            }
        }
        return figures;
    }

    /** Two gateways, many clients, the last slots of a time window: exactly usersCount get the version. */
    FaultFigures timeWindowRace() throws Exception {
        FaultFigures figures = new FaultFigures("two gateways racing for the last time-window slots");
        int slots = 25;
        try (ChaosApp app = new ChaosApp(stack, "slots")) {
            Console console = app.console();
            console.post("/api/v1/apps/" + app.app + "/packages", "{\"packageId\":\"20000001\",\"name\":\"P\","
                    + "\"type\":\"NORMAL\"}").statusCode(201);
            console.version(app.app, "20000001", "1.0.0");
            console.createTask(app.app, "{\"packageId\":\"20000001\",\"version\":\"1.0.0\",\"platform\":\"ANDROID\","
                    + "\"releaseType\":\"GRAYSCALE\",\"grayscale\":{\"mode\":\"TIME_WINDOW\",\"endTime\":\""
                    + Instant.now().plusSeconds(3_600) + "\",\"usersCount\":" + slots + "}}");
            app.watch.released("20000001", "1.0.0");
            List<Clients> gateways = List.of(new Clients(stack.gatewayA.url()), new Clients(stack.gatewayB.url()));
            for (Clients gateway : gateways) {
                gateway.await(Duration.ofSeconds(20), app.app, "20000001", "racer-first", null, "1.0.0");
            }
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<Boolean>> racers = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    Clients gateway = gateways.get(i % 2);
                    String user = "racer-" + i;
                    racers.add(pool.submit(() -> "1.0.0".equals(gateway.version(app.app, "20000001", user, null))));
                }
                long holders = 1;
                for (Future<Boolean> racer : racers) {
                    holders += racer.get() ? 1 : 0;
                }
                // The watching client asks too, and may hold a slot of its own.
                holders += "1.0.0".equals(gateways.get(0).version(app.app, "20000001", "watcher", null)) ? 1 : 0;
                figures.notes.add(holders + " of 302 clients hold one of " + slots + " slots");
                figures.wrongAnswers += Math.abs(holders - slots);
            } finally {
                pool.shutdownNow();
            }
            app.settle(figures, System.nanoTime(), SETTLE);
        }
        return figures;
    }

    /**
     * Anonymous clients that each ask for another subset of packages under another user id, over several apps:
     * the gateway's caches stay within their budget, it answers (or sheds with 503), and its memory stays flat.
     */
    FaultFigures floodOfDistinctClients() {
        FaultFigures figures = new FaultFigures("30,000 distinct clients and package subsets");
        List<ChaosApp> apps = new ArrayList<>();
        try {
            for (int a = 0; a < 4; a++) {
                ChaosApp app = new ChaosApp(stack, "flood");
                for (int p = 0; p < 25; p++) {
                    app.release();
                }
                apps.add(app);
            }
            for (ChaosApp app : apps) {
                app.settle(new FaultFigures("warm-up"), System.nanoTime(), SETTLE);
            }
            long before = stack.gatewayA.residentBytes();
            Random random = new Random(29);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            flood(http, apps, random, 0, figures);
            long afterFirst = stack.gatewayA.residentBytes();
            flood(http, apps, random, 15_000, figures);
            long afterSecond = stack.gatewayA.residentBytes();
            figures.notes.add(String.format("gateway resident memory %d MiB before, %d after 15,000, %d after 30,000"
                    + " (heap fixed at 512 MiB)", before >> 20, afterFirst >> 20, afterSecond >> 20));
            if (afterSecond > afterFirst * 1.1) {
                figures.notes.add("MEMORY GREW");
                figures.wrongAnswers++;
            }
            Response health = given().baseUri(stack.gatewayA.url()).get("/q/health/live");
            if (health.statusCode() != 200) {
                figures.serverErrors++;
            }
        } finally {
            apps.forEach(ChaosApp::close);
        }
        return figures;
    }

    private void flood(HttpClient http, List<ChaosApp> apps, Random random, int first, FaultFigures figures) {
        for (int sent = first; sent < first + 15_000; sent += 32) {
            List<CompletableFuture<HttpResponse<Void>>> wave = new ArrayList<>();
            for (int i = sent; i < sent + 32; i++) {
                wave.add(http.sendAsync(HttpRequest.newBuilder(floodUri(apps.get(i % apps.size()).app, i, random))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> answer : wave) {
                HttpResponse<Void> response = answer.join();
                figures.answers++;
                if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                    figures.shed++;
                } else if (response.statusCode() >= 500) {
                    figures.serverErrors++;
                } else if (response.statusCode() != 200) {
                    figures.wrongAnswers++;
                }
            }
        }
    }

    private URI floodUri(String app, int client, Random random) {
        StringJoiner ids = new StringJoiner(",");
        for (int p = 0; p < 25; p++) {
            if (random.nextBoolean()) {
                ids.add(Integer.toString(40_000_000 + p));
            }
        }
        return URI.create(stack.gatewayA.url() + "/client/v1/apps/" + app + "/packages?platform=ANDROID"
                + "&clientVersion=10.2&userId=flood-" + client + "&packageIds=" + ids);
    }

    FaultFigures hostileRequests() {
        FaultFigures figures = new FaultFigures("hostile requests at every console path and the client API");
        try (ChaosApp app = new ChaosApp(stack, "hostile")) {
            app.release();
            app.console().post("/api/v1/apps/" + app.app + "/packages", "{\"packageId\":\"20000001\",\"name\":\"P\","
                    + "\"type\":\"NORMAL\"}").statusCode(201);
            app.console().version(app.app, "20000001", "1.0.0");
            String whitelist = app.console().post("/api/v1/apps/" + app.app + "/whitelists",
                    "{\"name\":\"w\",\"idType\":\"USER_ID\"}").statusCode(201).extract().path("whitelistId");
            long ended = System.nanoTime();
            List<HostileRequests.Attempt> attempts = HostileRequests.attempts(app.app, whitelist);
            for (HostileRequests.Attempt attempt : attempts) {
                var request = app.console().request().header("Content-Type", attempt.contentType());
                if (attempt.body() != null) {
                    request = request.body(attempt.body());
                }
                int status = request.request(attempt.method(), attempt.path()).statusCode();
                if (status >= 500) {
                    figures.serverErrors++;
                } else if (status < 300 && !attempt.method().equals("GET") && !attempt.path().endsWith("/simulate")) {
                    figures.wrongAnswers++;
                }
            }
            app.release();
            app.settle(figures, ended, SETTLE);
            figures.notes.add(attempts.size() + " hostile requests");
        }
        return figures;
    }
}
