package dev.rollgate.gateway.simulate;

import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.gateway.cache.SegmentCache;
import dev.rollgate.gateway.cache.SegmentLookup;
import dev.rollgate.gateway.client.ClientContextParser;
import dev.rollgate.gateway.resolve.ClientContext;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;

@Path("/api/v1/apps/{appKey}/simulate")
@Tag(name = "Simulation")
public class SimulationResource {

    private final SegmentCache cache;
    private final Simulation simulation;

    SimulationResource(SegmentCache cache, Simulation simulation) {
        this.cache = cache;
        this.simulation = simulation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a client would get, per package, and why; claims no time-window slot")
    public Uni<Response> simulate(@RestPath String appKey, @NotNull SimulationRequest request) {
        ClientContext client = ClientContextParser.parse(request.asQuery(),
                request.at() == null ? Instant.now() : request.at());
        return cache.lookup(appKey, client.platform()).chain(lookup -> switch (lookup) {
            case SegmentLookup.UnknownApp unknown -> Uni.createFrom().item(Response.status(404)
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(404, "Not Found", "no app '" + appKey + "' is registered")).build());
            case SegmentLookup.Found found -> simulation.explain(found.segment(), client)
                    .map(report -> Response.ok(report).build());
        });
    }
}
