package dev.rollgate.bench.stack;

import dev.rollgate.testing.PackageUploadForm;
import dev.rollgate.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The console API and the client API as the benchmarks call them, with an admin token of their own. */
final class ConsoleCalls {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token = "Bearer " + TestTokens.mint("benchmark", List.of("admin"), List.of("*"),
            Duration.ofHours(2));

    /** The body of a 200, else null. */
    String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }

    String post(String url) throws Exception {
        return post(url, "");
    }

    /** With the token; anything but a 2xx is an exception naming what the service said. */
    String post(String url, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Uploads a version with its zip, as the console's form does; the created version's JSON. */
    String upload(String versionsUrl, String version, byte[] zip) throws Exception {
        PackageUploadForm form = new PackageUploadForm(version, zip);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(versionsUrl))
                .header("Authorization", token).header("Content-Type", form.contentType())
                .timeout(Duration.ofMinutes(10)).POST(form.body()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload of " + version + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** A JSON answer's top-level field, read without a parser (the answers are small and known). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
