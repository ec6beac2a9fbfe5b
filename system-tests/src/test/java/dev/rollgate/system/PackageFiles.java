package dev.rollgate.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rollgate.testing.FreePorts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Package files over HTTP, as a CDN serves them: whole, or from a {@code Range}; and, when a test asks, the
 * next download of a file cut off midway.
 */
final class PackageFiles implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> cutAfter = new ConcurrentHashMap<>();
    final List<String> ranges = new CopyOnWriteArrayList<>();

    PackageFiles() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePorts.next()), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves {@code bytes} at {@code /name}; returns its URL. */
    String put(String name, byte[] bytes) {
        files.put("/" + name, bytes);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** The next download of {@code name} stops after so many bytes, as a lost connection does. */
    void cutNextDownload(String name, int bytes) {
        cutAfter.put("/" + name, bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] file = files.get(exchange.getRequestURI().getPath());
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (range != null && range.matches("bytes=\\d+-")) {
                ranges.add(exchange.getRequestURI().getPath() + " " + range);
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (file.length - 1) + "/"
                        + file.length);
            }
            Integer cut = cutAfter.remove(exchange.getRequestURI().getPath());
            int length = file.length - from;
            exchange.sendResponseHeaders(from > 0 ? 206 : 200, length);
            OutputStream body = exchange.getResponseBody();
            body.write(file, from, cut == null ? length : Math.min(cut, length));
            body.flush();
            // Cut: fewer bytes than Content-Length, and closing the exchange drops the connection.
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
