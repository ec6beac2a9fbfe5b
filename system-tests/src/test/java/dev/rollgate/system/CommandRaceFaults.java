package dev.rollgate.system;

import dev.rollgate.testing.TestTokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;

/** Commands that race each other or a rebuild: nothing written half, no rule of the catalog broken. */
final class CommandRaceFaults {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    private final ChaosStack stack;

    CommandRaceFaults(ChaosStack stack) {
        this.stack = stack;
    }

    /**
     * A task for 1.0.1 and the registration of 1.0.2 at once, on many packages: the head must end at 1.0.2,
     * and 1.0.1.5 must be refused (versions only go up). Each package that breaks this is a wrong answer.
     */
    FaultFigures versionRacingItsRelease() throws Exception {
        FaultFigures figures = new FaultFigures("a release and a higher version registered at once");
        try (ChaosApp app = new ChaosApp(stack, "heads")) {
            Console console = app.console();
            List<String> packages = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String packageId = Integer.toString(50_000_000 + i);
                console.post("/api/v1/apps/" + app.app + "/packages", "{\"packageId\":\"" + packageId
                        + "\",\"name\":\"H\",\"type\":\"NORMAL\"}").statusCode(201);
                console.version(app.app, packageId, "1.0.1");
                app.watch.released(packageId, "1.0.1");
                packages.add(packageId);
            }
            long ended = System.nanoTime();
            race(packages.stream().<Runnable>map(packageId -> () -> console.createTask(app.app, "{\"packageId\":\""
                    + packageId + "\",\"version\":\"1.0.1\",\"platform\":\"ANDROID\",\"releaseType\":\"OFFICIAL\"}"))
                    .toList(), packages.stream().<Runnable>map(packageId -> () -> console.version(app.app, packageId,
                    "1.0.2")).toList());
            ChaosApp.pause(2_000);
            for (String packageId : packages) {
                String highest = console.get("/api/v1/apps/" + app.app + "/packages/" + packageId).extract()
                        .path("highestVersion");
                int between = console.request().contentType("application/json").body("""
                        {"version":"1.0.1.5","platform":"ANDROID","clientVersionMin":"10.0","sizeBytes":1000,
                         "downloadUrl":"https://cdn.example.com/x.zip",
                         "sha256":"60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752"}""")
                        .post("/api/v1/apps/" + app.app + "/packages/" + packageId + "/versions").statusCode();
                if (!"1.0.2".equals(highest) || between != 409) {
                    figures.wrongAnswers++;
                }
            }
            app.settle(figures, ended, SETTLE);
            figures.notes.add(packages.size() + " packages raced");
        }
        return figures;
    }

    /** Deleting a whitelist while a task that uses it is created: never a task left without its whitelist. */
    FaultFigures whitelistDeletedWhileUsed() throws Exception {
        FaultFigures figures = new FaultFigures("a whitelist deleted while a task that uses it is created");
        try (ChaosApp app = new ChaosApp(stack, "wdel")) {
            Console console = app.console();
            int both = 0;
            for (int i = 0; i < 15; i++) {
                String packageId = Integer.toString(60_000_000 + i);
                console.post("/api/v1/apps/" + app.app + "/packages", "{\"packageId\":\"" + packageId
                        + "\",\"name\":\"W\",\"type\":\"NORMAL\"}").statusCode(201);
                console.version(app.app, packageId, "1.0.0");
                String whitelist = console.post("/api/v1/apps/" + app.app + "/whitelists", "{\"name\":\"w" + i
                        + "\",\"idType\":\"USER_ID\"}").statusCode(201).extract().path("whitelistId");
                int[] statuses = new int[2];
                race(List.of(() -> statuses[0] = console.post("/api/v1/apps/" + app.app + "/release-tasks",
                        "{\"packageId\":\"" + packageId + "\",\"version\":\"1.0.0\",\"platform\":\"ANDROID\","
                                + "\"releaseType\":\"GRAYSCALE\",\"grayscale\":{\"mode\":\"WHITELIST\","
                                + "\"whitelistIds\":[\"" + whitelist + "\"]}}").extract().statusCode()),
                        List.of(() -> statuses[1] = console.request().delete("/api/v1/apps/" + app.app
                                + "/whitelists/" + whitelist).statusCode()));
                if (statuses[0] == 201 && statuses[1] == 204) {
                    both++;
                }
            }
            figures.wrongAnswers += both;
            app.release();
            app.settle(figures, System.nanoTime(), SETTLE);
            figures.notes.add("15 races, " + both + " left a task without its whitelist");
        }
        return figures;
    }

    /** The views rebuilt from the event store while commands go on: the commands are neither refused nor lost. */
    FaultFigures projectionRebuildWhileReleasing() throws Exception {
        FaultFigures figures = new FaultFigures("release-service's views rebuilt while releasing");
        try (ChaosApp app = new ChaosApp(stack, "views")) {
            ExecutorService rebuilds = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> rebuild = rebuilds.submit(() -> given().baseUri(stack.releaseService.url())
                        .header("Authorization", "Bearer " + TestTokens.admin("chaos"))
                        .post("/admin/projections/rebuild").statusCode());
                for (int i = 0; i < 8; i++) {
                    app.release();
                }
                int status = rebuild.get();
                figures.notes.add("rebuild answered " + status);
                if (status != 200) {
                    figures.serverErrors++;
                }
            } finally {
                rebuilds.shutdownNow();
            }
            app.settle(figures, System.nanoTime(), SETTLE);
        }
        return figures;
    }

    /** Runs every task of both lists at once, released together at a latch. */
    private static void race(List<Runnable> left, List<Runnable> right) throws Exception {
        List<Runnable> all = new ArrayList<>(left);
        all.addAll(right);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(32, all.size()));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable task : all) {
                running.add(pool.submit(() -> {
                    start.await();
                    task.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
