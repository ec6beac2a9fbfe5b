package dev.rollgate.gateway.client;

import dev.rollgate.contracts.ruleset.ActiveRelease;
import dev.rollgate.contracts.ruleset.PackageRules;
import dev.rollgate.gateway.cache.SegmentCache;
import dev.rollgate.gateway.memory.NearMemory;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.rollgate.gateway.client.Segments.byWhitelist;
import static dev.rollgate.gateway.client.Segments.finished;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Anonymous clients that each ask for another subset of packages, under other user ids, over several apps:
 * every answer and every audience answer is distinct; and more apps than their segments' share of the budget
 * holds. The caches stay within their one budget, and past the in-flight limit the gateway answers 503 with
 * Retry-After instead of failing.
 */
@QuarkusTest
@TestProfile(OverloadIT.SmallBudget.class)
class OverloadIT {

    private static final long BUDGET = 8L << 20;
    private static List<String> apps;

    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rollgate.gateway.cache-budget", Long.toString(BUDGET),
                    "rollgate.gateway.max-client-requests-in-flight", "16");
        }
    }

    @Inject
    Redis redis;

    @Inject
    NearMemory memory;

    @Inject
    SegmentCache cache;

    @ConfigProperty(name = "quarkus.http.port")
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Eight apps of 50 packages, each package with a baseline and a grayscale whitelist task. */
    private synchronized List<String> apps() {
        if (apps != null) {
            return apps;
        }
        Segments segments = new Segments(redis);
        apps = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            String app = Segments.newApp();
            segments.register(app);
            segments.members(app, "w1", "u1");
            List<PackageRules> packages = new ArrayList<>();
            for (int p = 0; p < 50; p++) {
                String packageId = Integer.toString(20_000_000 + p);
                ActiveRelease task = byWhitelist("t" + p, packageId, "2.0." + p, "w1", List.of());
                packages.add(new PackageRules(packageId, List.of(finished(packageId, "1.0." + p)), List.of(task)));
            }
            segments.write(app, 1, true, packages.toArray(PackageRules[]::new));
            apps.add(app);
        }
        return apps;
    }

    private CompletableFuture<HttpResponse<Void>> ask(String app, int client, Random random) {
        StringJoiner ids = new StringJoiner(",");
        for (int p = 0; p < 50; p++) {
            if (random.nextBoolean()) {
                ids.add(Integer.toString(20_000_000 + p));
            }
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/client/v1/apps/" + app + "/packages?platform=ANDROID"
                + "&clientVersion=10.2&userId=flood-" + client + "&packageIds=" + ids);
        return http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void aFloodOfDistinctClientsStaysWithinTheBudgetAndIsAnswered() {
        List<String> apps = apps();
        Random random = new Random(13);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        int requests = 12_000;
        int wave = 16;
        for (int sent = 0; sent < requests; sent += wave) {
            List<CompletableFuture<HttpResponse<Void>>> inWave = new ArrayList<>();
            for (int i = sent; i < sent + wave; i++) {
                inWave.add(ask(apps.get(i % apps.size()), i, random));
            }
            inWave.forEach(f -> statuses.computeIfAbsent(f.join().statusCode(), s -> new AtomicInteger())
                    .incrementAndGet());
            assertThat(memory.used()).as("after %d requests", sent + wave).isLessThanOrEqualTo(BUDGET);
        }

        assertThat(statuses.keySet()).as("statuses").isSubsetOf(200, 503);
        assertThat(statuses.get(200).get()).isGreaterThan(requests / 2);
        assertThat(memory.used()).as("the caches were used, up to their budget").isGreaterThan(BUDGET / 2);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void moreSegmentsThanTheBudgetHoldsAreLetGoAndStillAnsweredRight() {
        Segments segments = new Segments(redis);
        List<String> many = new ArrayList<>();
        for (int a = 0; a < 150; a++) {
            String app = Segments.newApp();
            segments.register(app);
            List<PackageRules> packages = new ArrayList<>();
            for (int p = 0; p < 50; p++) {
                String packageId = Integer.toString(20_000_000 + p);
                packages.add(new PackageRules(packageId, List.of(finished(packageId, "1." + a + "." + p)), List.of()));
            }
            segments.write(app, 1, true, packages.toArray(PackageRules[]::new));
            many.add(app);
        }

        for (int pass = 0; pass < 2; pass++) {
            for (int a = 0; a < many.size(); a++) {
                given().queryParam("platform", "ANDROID").queryParam("clientVersion", "10.2")
                        .queryParam("packageIds", "20000007").get("/client/v1/apps/{app}/packages", many.get(a))
                        .then().statusCode(200).body("packages[0].version", equalTo("1." + a + ".7"));
                assertThat(memory.used()).as("after app %d", a).isLessThanOrEqualTo(BUDGET);
            }
        }
        assertThat(cache.revisions().keySet()).as("segments held").hasSizeLessThan(many.size())
                .isNotEmpty();
    }

    @Test
    void pastTheInFlightLimitClientsAreToldToComeBack() {
        List<String> apps = apps();
        Random random = new Random(17);
        List<CompletableFuture<HttpResponse<Void>>> burst = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            burst.add(ask(apps.get(i % apps.size()), 100_000 + i, random));
        }
        List<HttpResponse<Void>> answers = burst.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 503).contains(503);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 503)
                .allSatisfy(answer -> assertThat(answer.headers().firstValue("Retry-After")).contains("1"));
        assertThat(ask(apps.get(0), 1, random).join().statusCode()).isEqualTo(200);
    }
}
