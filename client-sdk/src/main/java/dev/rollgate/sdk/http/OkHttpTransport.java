package dev.rollgate.sdk.http;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** HTTP through OkHttp, the client Android apps already carry. */
public final class OkHttpTransport implements HttpTransport {

    private final OkHttpClient client;

    /** With the app's own client (its interceptors, certificates, proxy). */
    public OkHttpTransport(OkHttpClient client) {
        this.client = client;
    }

    /** With timeouts fit for a check at start and a package download on a mobile network. */
    public OkHttpTransport() {
        this(new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                .build());
    }

    @Override
    public HttpResponse get(String url, Map<String, String> headers) throws IOException {
        Request.Builder request = new Request.Builder().url(url).get();
        headers.forEach(request::header);
        return call(request);
    }

    @Override
    public HttpResponse postJson(String url, Map<String, String> headers, byte[] json) throws IOException {
        Request.Builder request = new Request.Builder().url(url)
                .post(RequestBody.create(json, MediaType.get("application/json")));
        headers.forEach(request::header);
        return call(request);
    }

    private HttpResponse call(Request.Builder request) throws IOException {
        Response response = client.newCall(request.build()).execute();
        Map<String, String> names = new HashMap<>();
        for (String name : response.headers().names()) {
            names.put(name.toLowerCase(Locale.ROOT), response.header(name));
        }
        ResponseBody body = response.body();
        InputStream stream = body == null ? new ByteArrayInputStream(new byte[0]) : body.byteStream();
        return new HttpResponse(response.code(), names, stream);
    }
}
