package dev.rollgate.release.rest;

import dev.rollgate.release.service.ProjectionRebuild;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on the service itself. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class AdminResource {

    private final ProjectionRebuild rebuild;

    AdminResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    public record RebuildResult(long events, long millis) {
    }

    @POST
    @Path("/projections/rebuild")
    @Operation(summary = "Rebuild the task and whitelist views from the event store beside the live ones, then switch them in;"
            + " commands wait only for the switch")
    public Uni<RebuildResult> rebuild() {
        long started = System.nanoTime();
        return rebuild.rebuild().map(events -> new RebuildResult(events, (System.nanoTime() - started) / 1_000_000));
    }
}
