package dev.rollgate.sdk.http;

import java.io.IOException;
import java.util.Map;

/**
 * The one thing the SDK needs of an HTTP client: a GET with headers, its status, headers and body as a stream.
 * {@link OkHttpTransport} is the one apps use; a test or an app with a client of its own may bring another.
 */
public interface HttpTransport {

    /** The caller closes the response. Throws for a failure to connect or read, not for an error status. */
    HttpResponse get(String url, Map<String, String> headers) throws IOException;

    /**
     * A POST of a JSON body (the SDK's outcome reports). A transport without it makes the SDK keep its
     * reports to itself; the rest works.
     */
    default HttpResponse postJson(String url, Map<String, String> headers, byte[] json) throws IOException {
        throw new IOException("this transport does not post");
    }
}
