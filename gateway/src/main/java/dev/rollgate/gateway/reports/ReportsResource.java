package dev.rollgate.gateway.reports;

import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.problem.FieldError;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.contracts.report.ReportGroup;
import dev.rollgate.gateway.cache.SegmentCache;
import dev.rollgate.gateway.cache.SegmentLookup;
import dev.rollgate.contracts.problem.InvalidInputException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.rollgate.gateway.client.ClientPackagesResource.unknownApp;

/**
 * Devices' outcome reports: open like the client API, checked strictly, limited per device, and put on
 * their own topic. Nothing of a refused batch is taken.
 */
@Path("/client/v1/apps/{appKey}/reports")
@Tag(name = "Client API")
public class ReportsResource {

    private final SegmentCache cache;
    private final DeviceQuota quota;
    private final ReportSender sender;
    private final MeterRegistry metrics;

    ReportsResource(SegmentCache cache, DeviceQuota quota, ReportSender sender, MeterRegistry metrics) {
        this.cache = cache;
        this.quota = quota;
        this.sender = sender;
        this.metrics = metrics;
    }

    // On a worker thread: a batch is up to 128 KiB of JSON, and reading it on the event loop would hold up
    // the client API's requests that share the loop.
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take a batch of up to 100 outcome reports (downloaded, installed, launched, failed…)")
    @APIResponse(responseCode = "202", description = "taken: {\"accepted\": n}")
    @APIResponse(responseCode = "400", description = "a broken report; every field named, none of the batch taken")
    @APIResponse(responseCode = "404", description = "unknown app")
    @APIResponse(responseCode = "411", description = "no Content-Length")
    @APIResponse(responseCode = "413", description = "over 128 KiB")
    @APIResponse(responseCode = "429", description = "a device past its quota of reports a minute")
    @APIResponse(responseCode = "503", description = "the reports cannot be kept right now; send them again later")
    public Uni<Response> take(@RestPath String appKey, ReportBatch batch) {
        if (!IdPatterns.isAppKey(appKey)) {
            return Uni.createFrom().item(unknownApp(appKey));
        }
        Instant now = Instant.now();
        List<FieldError> errors = ReportCheck.problems(batch, now);
        if (!errors.isEmpty()) {
            refused(appKey, "invalid", batch == null || batch.reports() == null ? 1 : batch.reports().size());
            throw new InvalidInputException("the report batch has invalid fields; none of it was taken", errors);
        }
        return cache.lookup(appKey, batch.platform()).chain(lookup -> switch (lookup) {
            case SegmentLookup.UnknownApp unknown -> Uni.createFrom().item(unknownApp(appKey));
            case SegmentLookup.Found found -> taken(appKey, batch, now);
        });
    }

    private Uni<Response> taken(String appKey, ReportBatch batch, Instant now) {
        if (!quota.take(appKey, batch.reports())) {
            refused(appKey, "quota", batch.reports().size());
            return Uni.createFrom().item(Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", "60")
                    .entity(Problem.of(429, "Too Many Requests", "a device may send at most its quota of reports a "
                            + "minute; none of this batch was taken")).build());
        }
        int count = batch.reports().size();
        return sender.send(ReportGroup.byTask(appKey, batch.platform(), batch.reports()))
                .invoke(() -> metrics.counter("rollgate.reports.taken", "app", appKey).increment(count))
                .onFailure().invoke(() -> refused(appKey, "unavailable", count))
                .replaceWith(() -> Response.accepted(Map.of("accepted", count)).build());
    }

    private void refused(String appKey, String why, int reports) {
        metrics.counter("rollgate.reports.refused", "app", IdPatterns.isAppKey(appKey) ? appKey : "-",
                "why", why).increment(reports);
    }
}
