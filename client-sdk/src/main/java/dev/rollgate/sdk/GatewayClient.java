package dev.rollgate.sdk;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Asks the gateway's client API which versions this device should run. */
final class GatewayClient {

    /** The most {@code installed} pairs the client API takes. */
    static final int MAX_INSTALLED = 500;

    private final HttpTransport http;
    private final String url;

    GatewayClient(HttpTransport http, String gatewayUrl, String appKey, DeviceContext device) {
        this.http = http;
        this.url = stripSlash(gatewayUrl) + "/client/v1/apps/" + encode(appKey) + "/packages?" + query(device);
    }

    /**
     * With the entity tag of the answer the device holds, so that an unchanged answer costs no body, and the
     * versions in use, so that the answer can offer diffs from them. The answer depends on both; the gateway
     * compares the tag with the answer it would give to this very request, so a tag from before an install
     * only saves the body when the answer is still the same.
     */
    AskResult ask(String etag, Map<String, String> versionsInUse) {
        String installed = installedParameter(versionsInUse);
        AskResult result = get(url + installed, etag);
        // The versions in use only buy diffs: a gateway that refuses them (or so long a URL) still gives the answer.
        // Any other 400 (a bad clientVersion, say) would only fail twice.
        if (!installed.isEmpty() && result.kind == AskResult.Kind.FAILED
                && (result.status == 414 || result.status == 400 && result.reason.contains("\"installed\""))) {
            return get(url, etag);
        }
        return result;
    }

    private static String firstBytes(InputStream body, int max) throws IOException {
        if (body == null) {
            return "";
        }
        byte[] buffer = new byte[max];
        int total = 0;
        int read;
        while (total < max && (read = body.read(buffer, total, max - total)) > 0) {
            total += read;
        }
        return new String(buffer, 0, total, StandardCharsets.UTF_8);
    }

    private AskResult get(String url, String etag) {
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
                // A refusal's problem names the fields, which says whether asking again without one helps.
                String problem = status == 400 ? ": " + firstBytes(response.body(), 4096) : "";
                return AskResult.failed("the gateway answered " + status + problem,
                        retryAfter(response.header("Retry-After")), status);
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
            packages.add(PackageOffer.builder(text(pkg, "packageId"), text(pkg, "version"))
                    .releaseType(text(pkg, "releaseType")).downloadUrl(text(pkg, "downloadUrl"))
                    .sha256(text(pkg, "sha256")).sizeBytes(number(pkg, "sizeBytes"))
                    .mainUrl(text(pkg, "mainUrl")).fallbackBaseUrl(text(pkg, "fallbackBaseUrl"))
                    .taskId(text(pkg, "taskId")).contentSha256(text(pkg, "contentSha256"))
                    .signature(text(pkg, "signature")).diff(diff(pkg.get("diff"))).build());
        }
        long revision = json.has("revision") ? json.get("revision").getAsLong() : 0;
        int next = json.has("nextCheckAfterSeconds") ? json.get("nextCheckAfterSeconds").getAsInt() : 60;
        return new GatewayAnswer(revision, packages, next, etag);
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static long number(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? 0 : value.getAsLong();
    }

    /** A diff is an extra: one the SDK cannot read is left out, and the full package still installs. */
    private static PackageDiff diff(JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            return null;
        }
        try {
            JsonObject diff = element.getAsJsonObject();
            String from = text(diff, "fromVersion");
            String url = text(diff, "downloadUrl");
            String sha256 = text(diff, "sha256");
            long size = number(diff, "sizeBytes");
            return from == null || url == null || sha256 == null || size <= 0 ? null
                    : new PackageDiff(from, url, sha256, size);
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code &installed=ID:VERSION,…}: the versions in use (by package id; a null version is none), sorted by
     * package id, at most {@link #MAX_INSTALLED}; empty when none is. A pair whose id or version holds a
     * separator could not be read back, so it is left out.
     */
    static String installedParameter(Map<String, String> versionsInUse) {
        StringBuilder pairs = new StringBuilder();
        int count = 0;
        for (Map.Entry<String, String> pkg : new TreeMap<>(versionsInUse).entrySet()) {
            String version = pkg.getValue();
            if (version == null || !plain(pkg.getKey()) || !plain(version)) {
                continue;
            }
            if (++count > MAX_INSTALLED) {
                break;
            }
            if (pairs.length() > 0) {
                pairs.append(',');
            }
            // Separators stay as they are (a query may hold them), which keeps 500 pairs near 8 KB.
            pairs.append(encode(pkg.getKey())).append(':').append(encode(version));
        }
        return pairs.length() == 0 ? "" : "&installed=" + pairs;
    }

    private static boolean plain(String text) {
        return !text.isEmpty() && text.indexOf(',') < 0 && text.indexOf(':') < 0;
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
