package dev.rollgate.sdk;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Asks the gateway's client API which versions this device should run. */
final class GatewayClient {

    private final HttpTransport http;
    private final String url;

    GatewayClient(HttpTransport http, String gatewayUrl, String appKey, DeviceContext device) {
        this.http = http;
        this.url = stripSlash(gatewayUrl) + "/client/v1/apps/" + encode(appKey) + "/packages?" + query(device);
    }

    /** With the entity tag of the answer the device holds, so that an unchanged answer costs no body. */
    AskResult ask(String etag) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "rollgate-sdk/" + RollgateClient.SDK_VERSION);
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        try (HttpResponse response = http.get(url, headers)) {
            int status = response.status();
            if (status == 304) {
                return AskResult.notModified();
            }
            if (status != 200) {
                return AskResult.failed("the gateway answered " + status, retryAfter(response.header("Retry-After")));
            }
            try (Reader body = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
                return AskResult.fresh(parse(JsonParser.parseReader(body).getAsJsonObject(),
                        response.header("ETag")));
            }
        } catch (IOException | JsonParseException | IllegalStateException | ClassCastException e) {
            return AskResult.failed("the gateway could not be asked: " + e.getMessage(), 0);
        }
    }

    static GatewayAnswer parse(JsonObject json, String etag) {
        List<PackageOffer> packages = new ArrayList<>();
        JsonArray array = json.has("packages") ? json.getAsJsonArray("packages") : new JsonArray();
        for (JsonElement element : array) {
            JsonObject pkg = element.getAsJsonObject();
            packages.add(new PackageOffer(text(pkg, "packageId"), text(pkg, "version"), text(pkg, "releaseType"),
                    text(pkg, "downloadUrl"), text(pkg, "sha256"),
                    pkg.has("sizeBytes") ? pkg.get("sizeBytes").getAsLong() : 0, text(pkg, "mainUrl"),
                    text(pkg, "fallbackBaseUrl"), text(pkg, "taskId")));
        }
        long revision = json.has("revision") ? json.get("revision").getAsLong() : 0;
        int next = json.has("nextCheckAfterSeconds") ? json.get("nextCheckAfterSeconds").getAsInt() : 60;
        return new GatewayAnswer(revision, packages, next, etag);
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static int retryAfter(String header) {
        try {
            return header == null ? 0 : Math.max(0, Integer.parseInt(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String query(DeviceContext device) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : device.queryParameters().entrySet()) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        }
        return query.toString();
    }

    static String encode(String text) {
        try {
            // The String-charset form needs Android API 33; the charset name works everywhere.
            return URLEncoder.encode(text, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
