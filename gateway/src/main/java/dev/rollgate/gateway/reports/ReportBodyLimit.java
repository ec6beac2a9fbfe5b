package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.json.ContractsJson;
import dev.rollgate.contracts.problem.Problem;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * A hundred reports fit in a few dozen kilobytes; anything much larger is refused before it is read, so
 * that the open report endpoint cannot be made to parse the console's 16 MB bodies.
 */
@Singleton
public class ReportBodyLimit {

    static final long MAX_BYTES = 128 * 1024;

    void routes(@Observes Router router) {
        router.postWithRegex("/client/v1/apps/[^/]+/reports").order(-3).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long bytes;
            try {
                bytes = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes < 0 || bytes > MAX_BYTES) {
                int status = bytes < 0 ? 411 : 413;
                String detail = bytes < 0 ? "send the batch with a Content-Length" : "a report batch is at most "
                        + MAX_BYTES + " bytes; this one has " + bytes;
                String json;
                try {
                    json = ContractsJson.mapper().writeValueAsString(Problem.of(status,
                            status == 411 ? "Length Required" : "Content Too Large", detail));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    json = "{\"status\":" + status + "}";
                }
                ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json);
                return;
            }
            ctx.next();
        });
    }
}
