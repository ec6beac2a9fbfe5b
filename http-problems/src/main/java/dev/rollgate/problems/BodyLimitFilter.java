package dev.rollgate.problems;

import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers a body announced larger than the limit with a 413 problem before any of it is read (Vert.x's own
 * refusal has no problem body). The limit is {@code rollgate.http.max-body-size}, or Quarkus's
 * {@code quarkus.http.limits.max-body-size} when unset. A package upload (a multipart POST of a version) may
 * be as large as {@code rollgate.http.upload-max-size}. Quarkus's own limit is raised to that size for the
 * uploads' sake, so it no longer bounds a chunked body elsewhere: any other request with a body must announce
 * its length (411 otherwise), which every browser and HTTP library does for a body it holds.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** The one request that carries a package file. */
    public static final Pattern UPLOAD_PATH = Pattern.compile("/api/v1/apps/[^/]+/packages/[^/]+/versions/?");

    private final long limit;
    private final long uploadLimit;

    BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize quarkusLimit,
                    @ConfigProperty(name = "rollgate.http.max-body-size") Optional<MemorySize> limit,
                    @ConfigProperty(name = "rollgate.http.upload-max-size") Optional<MemorySize> uploadLimit) {
        this.limit = limit.orElse(quarkusLimit).asLongValue();
        this.uploadLimit = uploadLimit.map(MemorySize::asLongValue).orElse(this.limit);
    }

    /** Whether the request is a package upload: multipart, to a package's versions. */
    public static boolean isUpload(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return request.method() == HttpMethod.POST && type != null
                && type.regionMatches(true, 0, "multipart/form-data", 0, 19)
                && UPLOAD_PATH.matcher(request.path()).matches();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 100);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        boolean upload = uploadLimit > limit && isUpload(request);
        long allowed = upload ? uploadLimit : limit;
        String length = request.getHeader("Content-Length");
        if (length != null && isOver(length, allowed)) {
            refuse(context, 413, "Content Too Large", "the body has " + length + " bytes; at most " + allowed
                    + " are accepted" + (upload ? " for a package upload" : ""));
            return;
        }
        if (length == null && !upload && uploadLimit > limit && request.headers().contains("Transfer-Encoding")) {
            refuse(context, 411, "Length Required", "a request body must announce its Content-Length here");
            return;
        }
        context.next();
    }

    /** The 413 or 411 problem, closing the connection so the rest of the body is not read. */
    public static void refuse(RoutingContext context, int status, String title, String detail) {
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .end(ContractsJson.mapper().valueToTree(Problem.of(status, title, detail)).toString());
    }

    private static boolean isOver(String length, long allowed) {
        try {
            return Long.parseLong(length.trim()) > allowed;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
