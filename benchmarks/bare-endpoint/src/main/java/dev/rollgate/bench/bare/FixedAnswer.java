package dev.rollgate.bench.bare;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Does nothing but answer: the ceiling the gateway's client API is compared with. The answer has the size
 * the benchmark asks for ({@code bytes}, that of a typical client answer), built once per size.
 */
@Path("/bare")
public class FixedAnswer {

    private static final int MAX_BYTES = 1 << 20;
    private static final Map<Integer, byte[]> ANSWERS = new ConcurrentHashMap<>();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response answer(@RestQuery @DefaultValue("900") int bytes) {
        byte[] answer = ANSWERS.computeIfAbsent(Math.min(Math.max(bytes, 64), MAX_BYTES), FixedAnswer::padded);
        return Response.ok(answer).header("ETag", "\"0123456789abcdef0123456789abcdef\"").build();
    }

    private static byte[] padded(int size) {
        String prefix = "{\"revision\":1,\"packages\":[],\"padding\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(Math.max(0, size - prefix.length() - suffix.length())) + suffix)
                .getBytes(StandardCharsets.US_ASCII);
    }
}
