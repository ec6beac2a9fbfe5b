package dev.rollgate.targeting.rest;

import dev.rollgate.targeting.messaging.RebuildResult;
import dev.rollgate.targeting.messaging.TopicRebuilds;
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

    private final TopicRebuilds rebuilds;

    AdminResource(TopicRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Replay the release events from the start into keys beside Rollgate's derived Redis keys"
            + " and switch them in; answers once switched. Runs on any instance while the others keep consuming;"
            + " 409 while another instance runs one")
    public Uni<RebuildResult> rebuild() {
        return Uni.createFrom().completionStage(rebuilds::request);
    }
}
