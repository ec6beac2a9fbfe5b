package dev.rollgate.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * More than a thousand malformed requests across every console endpoint and the client API: broken JSON, odd
 * values in every field of each endpoint's valid body, odd ids in every path, random bytes.
 */
final class HostileRequests {

    record Attempt(String method, String path, String contentType, String body) {
    }

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


    private HostileRequests() {
    }

    static List<Attempt> attempts(String app, String whitelist) {
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

}
