package dev.rollgate.sdk.simulator;

import dev.rollgate.sdk.http.HttpResponse;
import dev.rollgate.sdk.http.HttpTransport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * For {@code --fail-install}: package files arrive with their first byte changed (as a broken CDN node would
 * serve them), so the SDK's SHA-256 check refuses them. The gateway's answers and the reports pass untouched.
 */
final class DamagingTransport implements HttpTransport {

    private final HttpTransport http;

    DamagingTransport(HttpTransport http) {
        this.http = http;
    }

    @Override
    public HttpResponse get(String url, Map<String, String> request) throws IOException {
        HttpResponse response = http.get(url, request);
        if (url.contains("/client/v1/") || response.body() == null) {
            return response;
        }
        Map<String, String> headers = new HashMap<>();
        if (response.header("content-length") != null) {
            headers.put("content-length", response.header("content-length"));
        }
        return new HttpResponse(response.status(), headers, new FirstByteChanged(response.body()));
    }

    @Override
    public HttpResponse postJson(String url, Map<String, String> headers, byte[] json) throws IOException {
        return http.postJson(url, headers, json);
    }

    private static final class FirstByteChanged extends FilterInputStream {

        private boolean first = true;

        FirstByteChanged(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && first) {
                first = false;
                return b ^ 0xff;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && first) {
                first = false;
                buffer[offset] ^= (byte) 0xff;
            }
            return n;
        }
    }
}
