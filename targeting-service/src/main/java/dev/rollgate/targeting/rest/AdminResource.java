package dev.rollgate.targeting.rest;

import dev.rollgate.targeting.messaging.EventConsumerLoop;
import dev.rollgate.targeting.messaging.RebuildResult;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
public class AdminResource {

    private final EventConsumerLoop loop;

    AdminResource(EventConsumerLoop loop) {
        this.loop = loop;
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Delete Rollgate's derived Redis keys and replay the release events from the start;"
            + " answers once the replay has caught up")
    public Uni<RebuildResult> rebuild() {
        return Uni.createFrom().completionStage(loop::requestRebuild);
    }
}
