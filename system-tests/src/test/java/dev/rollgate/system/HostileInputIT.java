package dev.rollgate.system;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * More than a thousand malformed requests across every console endpoint and the client API, through a
 * gateway with an admin token: none may get a 5xx, and none may change a row or write an event; bodies past
 * the limits get 413.
 */
class HostileInputIT {

    private static final Random RANDOM = new Random(20261125);

    /** Values that are wrong wherever a string, a number, an enum, a list or an object is expected. */
    private static final List<String> ODD_VALUES = List.of("null", "-1", "1e309", "99999999999999999999999",
            "-9223372036854775809", "3.5", "true", "\"\"", "\" \"", "[]", "[null]", "{}", "{\"$ne\":1}",
            "\"" + "x".repeat(10_000) + "\"");

    /** Strings that are wrong where the field is an enum, an id, a version, a URL or a digest. */
    private static final List<String> ODD_STRINGS = List.of("42", "\"NOT_AN_ENUM\"", "\"../../etc/passwd\"",
            "\"'; DROP TABLE app; --\"", "\"\uD83D\uDE00\"", "\"<script>\"", "\"\\u0000\"");
    private static final java.util.Set<String> CONSTRAINED = java.util.Set.of("appKey", "packageId", "type",
            "version", "platform", "clientVersionMin", "downloadUrl", "sha256", "releaseType", "mode", "endTime",
            "idType", "clientVersion");

    private static final List<String> BROKEN_BODIES = List.of("", "{", "}", "[", "nul", "{\"a\":}", "{'a':1}",
            "{\"a\":1,}", "\u0000", "[1,2,3]", "\"string\"", "123", "{" + "\"a\":{".repeat(2_000) + "1"
                    + "}".repeat(2_000) + "}", "\uFEFF{}", "{\"appKey\":\"a\"}{\"appKey\":\"b\"}");

    /** Valid bodies of each endpoint, each field of which gets every odd value in turn. */
    private static Map<String, String> templates(String app, String whitelist) {
        String a = "/api/v1/apps/" + app;
        return Map.of(
                "/api/v1/apps", "{\"appKey\":\"fresh-app\",\"name\":\"N\"}",
                a + "/packages", "{\"packageId\":\"29999999\",\"name\":\"N\",\"type\":\"NORMAL\"}",
                a + "/packages/20000001/versions", "{\"version\":\"9.0.0\",\"platform\":\"ANDROID\","
                        + "\"clientVersionMin\":\"10.0\",\"downloadUrl\":\"https://x.example.com/a.zip\","
                        + "\"sha256\":\"" + "a".repeat(64) + "\",\"sizeBytes\":10}",
                a + "/release-tasks", "{\"packageId\":\"20000001\",\"version\":\"1.0.0\",\"platform\":\"ANDROID\","
                        + "\"releaseType\":\"GRAYSCALE\",\"grayscale\":{\"mode\":\"TIME_WINDOW\","
                        + "\"endTime\":\"" + java.time.Instant.now().plusSeconds(86_400) + "\",\"usersCount\":5}}",
                a + "/release-tasks/batch", "{\"packageIds\":[\"20000001\"],\"platform\":\"ANDROID\","
                        + "\"releaseType\":\"OFFICIAL\"}",
                a + "/whitelists", "{\"name\":\"fresh\",\"idType\":\"USER_ID\"}",
                a + "/whitelists/" + whitelist + "/members", "{\"ids\":[\"fresh-member\"]}",
                a + "/simulate", "{\"platform\":\"ANDROID\",\"clientVersion\":\"10.0\"}");
    }

    record Attempt(String method, String path, String contentType, String body) {
    }

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

        List<Attempt> attempts = attempts(app, whitelist);
        List<String> serverErrors = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (Attempt attempt : attempts) {
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

    private static List<Attempt> attempts(String app, String whitelist) {
        List<Attempt> attempts = new ArrayList<>();
        templates(app, whitelist).forEach((path, template) -> {
            for (String body : BROKEN_BODIES) {
                attempts.add(new Attempt("POST", path, "application/json", body));
            }
            for (String field : fields(template)) {
                List<String> odds = new ArrayList<>(ODD_VALUES);
                if (CONSTRAINED.contains(field)) {
                    odds.addAll(ODD_STRINGS);
                }
                for (String odd : odds) {
                    String body = template.replaceFirst("\"" + field + "\":(\\{[^}]*\\}|\\[[^\\]]*\\]|\"[^\"]*\"|[^,}]+)",
                            "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(odd));
                    if (!body.equals(template)) {
                        attempts.add(new Attempt("POST", path, "application/json", body));
                    }
                }
            }
            attempts.add(new Attempt("POST", path, "text/xml", "<a/>"));
        });
        String a = "/api/v1/apps/" + app;
        List<String> oddIds = List.of("%00", "..%2F..%2Fetc", "x".repeat(2_000), "%F0%9F%98%80", "'%20OR%201=1",
                "-1", "99999999999999999999", "null", "%2e%2e", "a%20b");
        for (String id : oddIds) {
            attempts.add(new Attempt("GET", a + "/packages/" + id, "application/json", null));
            attempts.add(new Attempt("GET", a + "/packages/20000001/versions/" + id + "?platform=ANDROID",
                    "application/json", null));
            attempts.add(new Attempt("GET", a + "/release-tasks/" + id, "application/json", null));
            attempts.add(new Attempt("POST", a + "/release-tasks/" + id + "/pause", "application/json", ""));
            attempts.add(new Attempt("DELETE", a + "/whitelists/" + id, "application/json", null));
            attempts.add(new Attempt("GET", "/api/v1/apps/" + id + "/packages", "application/json", null));
            attempts.add(new Attempt("GET", a + "/release-tasks?state=" + id + "&page=" + id, "application/json", null));
            attempts.add(new Attempt("GET", a + "/packages?status=" + id + "&size=" + id, "application/json", null));
            attempts.add(new Attempt("GET", "/client/v1/apps/" + app + "/packages?platform=" + id + "&clientVersion="
                    + id + "&packageIds=" + id, "application/json", null));
            attempts.add(new Attempt("POST", a + "/whitelists/" + whitelist + "/members", "text/plain",
                    id.length() > 200 ? "z".repeat(200) : "\u0001\u0002"));
        }
        for (int i = 0; i < 300; i++) {
            byte[] noise = new byte[RANDOM.nextInt(200) + 1];
            RANDOM.nextBytes(noise);
            attempts.add(new Attempt("POST", a + "/release-tasks", "application/json",
                    new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1)));
        }
        return attempts;
    }

    /** The top-level and nested field names of a template, in order. */
    private static List<String> fields(String template) {
        List<String> fields = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\"([A-Za-z]+)\":").matcher(template);
        while (matcher.find()) {
            fields.add(matcher.group(1));
        }
        return fields;
    }

    private static String shortened(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
