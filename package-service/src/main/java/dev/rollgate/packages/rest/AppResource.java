package dev.rollgate.packages.rest;

import dev.rollgate.packages.service.AppService;
import dev.rollgate.security.Actors;
import dev.rollgate.security.Caller;
import dev.rollgate.security.ConsoleAccessFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import java.net.URI;
import java.util.List;

@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apps")
public class AppResource {

    private final AppService apps;

    AppResource(AppService apps) {
        this.apps = apps;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a mobile app")
    public Uni<Response> register(@Valid @NotNull NewAppRequest request, @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        return apps.register(request.appKey(), request.name(), Actors.named(actor))
                .map(app -> Response.created(URI.create("/api/v1/apps/" + app.appKey)).entity(AppView.of(app)).build());
    }

    @GET
    @Operation(summary = "List the apps the caller's token may see")
    public Uni<List<AppView>> list(RoutingContext ctx) {
        Caller caller = ConsoleAccessFilter.callerOf(ctx);
        return apps.list().map(all -> all.stream()
                .filter(app -> caller == null || caller.mayTouch(app.appKey))
                .map(AppView::of).toList());
    }
}
