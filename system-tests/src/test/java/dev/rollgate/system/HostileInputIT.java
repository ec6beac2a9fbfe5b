package dev.rollgate.system;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More than a thousand malformed requests across every console endpoint and the client API, through a
 * gateway with an admin token: none may get a 5xx, and none may change a row or write an event; bodies past
 * the limits get 413.
 */
class HostileInputIT {

    @Test
    void aThousandMalformedRequestsGetNoServerErrorAndWriteNothing() {
        SystemStack stack = SystemStack.get();
        Console console = new Console(stack.gatewayA.url(), "fuzzer");
        String app = "h" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        console.post("/api/v1/apps", "{\"appKey\":\"" + app + "\",\"name\":\"H\"}").statusCode(201);
        console.post("/api/v1/apps/" + app + "/packages", "{\"packageId\":\"20000001\",\"name\":\"P\",\"type\":\"NORMAL\"}")
                .statusCode(201);
        console.version(app, "20000001", "1.0.0");
        String whitelist = console.post("/api/v1/apps/" + app + "/whitelists", "{\"name\":\"w\",\"idType\":\"USER_ID\"}")
                .statusCode(201).extract().path("whitelistId");
        Map<String, String> before = StoredFacts.quiet(stack.kafka());

        List<HostileRequests.Attempt> attempts = HostileRequests.attempts(app, whitelist);
        List<String> serverErrors = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (HostileRequests.Attempt attempt : attempts) {
            var request = console.request().header("Content-Type", attempt.contentType());
            if (attempt.body() != null) {
                request = request.body(attempt.body());
            }
            Response response = request.request(attempt.method(), attempt.path());
            String what = attempt.method() + " " + shortened(attempt.path()) + " " + shortened(attempt.body())
                    + " -> " + response.statusCode();
            if (response.statusCode() >= 500) {
                serverErrors.add(what);
            } else if (response.statusCode() < 300 && !attempt.method().equals("GET")
                    && !attempt.path().endsWith("/simulate")) {
                accepted.add(what);
            }
        }

        // Bodies past the limits: the gateway's own (16 MiB) and package-service's (64 KiB), refused as too large.
        String members = "{\"ids\":[" + ("\"" + "m".repeat(120) + "\",").repeat(140_000) + "\"last\"]}";
        console.request().header("Content-Type", "application/json").body(members)
                .post("/api/v1/apps/" + app + "/whitelists/" + whitelist + "/members")
                .then().statusCode(413).contentType("application/problem+json");
        console.request().header("Content-Type", "application/json")
                .body("{\"packageId\":\"29999998\",\"name\":\"N\",\"type\":\"NORMAL\",\"description\":\""
                        + "d".repeat(100_000) + "\"}")
                .post("/api/v1/apps/" + app + "/packages").then().statusCode(413).contentType("application/problem+json");

        assertThat(attempts).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(serverErrors).isEmpty();
        assertThat(accepted).isEmpty();
        assertThat(StoredFacts.quiet(stack.kafka())).isEqualTo(before);
    }

    private static String shortened(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
