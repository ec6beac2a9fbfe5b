package dev.rollgate.gateway.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * The console's web app comes from the {@code console} module's jar ({@code META-INF/resources/console}),
 * served as static files. Its assets carry a content hash and may be cached; its page must not be, or a
 * browser keeps running an old console against a new gateway after an upgrade.
 */
@Singleton
public class ConsolePages {

    void routes(@Observes Router router) {
        router.getWithRegex("/console").handler(ctx -> ctx.redirect("/console/"));
        router.get("/").handler(ctx -> ctx.redirect("/console/"));
        router.getWithRegex("/console/(index\\.html)?").order(-1).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> ctx.response().putHeader("Cache-Control", "no-cache"));
            ctx.next();
        });
    }
}
