package dev.rollgate.sdk.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/** A response being read: status, headers by lower-case name, and the body as a stream. */
public final class HttpResponse implements Closeable {

    private final int status;
    private final Map<String, String> headers;
    private final InputStream body;

    public HttpResponse(int status, Map<String, String> headers, InputStream body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** The header's value, or null; names compare without case. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public InputStream body() {
        return body;
    }

    @Override
    public void close() throws IOException {
        if (body != null) {
            body.close();
        }
    }
}
