package dev.rollgate.gateway.client;

import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.gateway.audience.RedisAudience;
import dev.rollgate.gateway.cache.AdmissionCache;
import dev.rollgate.gateway.cache.SegmentCache;
import dev.rollgate.gateway.cache.SegmentLookup;
import dev.rollgate.gateway.config.GatewayConfig;
import dev.rollgate.gateway.resolve.ClientContext;
import dev.rollgate.gateway.resolve.Resolver;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The client API: which package versions this client should run. Answers from the near cache and Redis
 * only; never waits on PostgreSQL or Kafka. A question asked again is answered as it was while that answer
 * holds ({@link RememberedAnswers}).
 */
@Path("/client/v1/apps/{appKey}/packages")
@Tag(name = "Client API")
public class ClientPackagesResource {

    private final SegmentCache cache;
    private final RedisAudience audience;
    private final AdmissionCache admissions;
    private final EncodedAnswers answers;
    private final RememberedAnswers remembered;
    private final int nextCheckAfterSeconds;

    ClientPackagesResource(SegmentCache cache, RedisAudience audience, AdmissionCache admissions,
                           EncodedAnswers answers, RememberedAnswers remembered, GatewayConfig config) {
        this.cache = cache;
        this.audience = audience;
        this.admissions = admissions;
        this.answers = answers;
        this.remembered = remembered;
        this.nextCheckAfterSeconds = config.nextCheckAfterSeconds();
    }

    // The query is read whole (attr.<name> parameters are open-ended); the parameters are named here for the
    // OpenAPI document only.
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The package versions a client should run")
    @Parameter(name = "platform", in = ParameterIn.QUERY, required = true, description = "ANDROID or IOS")
    @Parameter(name = "clientVersion", in = ParameterIn.QUERY, required = true, description = "the app's version")
    @Parameter(name = "userId", in = ParameterIn.QUERY, description = "for whitelists and time windows")
    @Parameter(name = "deviceId", in = ParameterIn.QUERY, description = "for whitelists and time windows")
    @Parameter(name = "city", in = ParameterIn.QUERY)
    @Parameter(name = "model", in = ParameterIn.QUERY)
    @Parameter(name = "network", in = ParameterIn.QUERY)
    @Parameter(name = "osVersion", in = ParameterIn.QUERY)
    @Parameter(name = "packageIds", in = ParameterIn.QUERY, description = "comma-separated; all packages when absent")
    @Parameter(name = "installed", in = ParameterIn.QUERY,
            description = "packageId:version pairs in use, comma-separated, for diff packages")
    @Parameter(name = "attr.<name>", in = ParameterIn.QUERY, description = "a custom attribute, for CUSTOM rules")
    @APIResponse(responseCode = "200", description = "the versions to run",
            content = @Content(schema = @Schema(implementation = ClientAnswer.class)))
    @APIResponse(responseCode = "304", description = "nothing changed since the If-None-Match tag")
    @APIResponse(responseCode = "400", description = "invalid query, every field named (problem+json)")
    @APIResponse(responseCode = "404", description = "unknown app")
    @APIResponse(responseCode = "503", description = "overloaded or the rules cannot be read; ask again after Retry-After")
    public Uni<Response> packages(@RestPath String appKey, @Context HttpServerRequest request,
                                  @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!IdPatterns.isAppKey(appKey)) {
            return Uni.createFrom().item(unknownApp(appKey));
        }
        Instant now = Instant.now();
        String query = request.query();
        RememberedAnswers.Kept kept = remembered.recall(appKey, query);
        SegmentLookup.Found held = kept == null ? null : cache.current(appKey, kept.platform());
        if (kept != null && remembered.holds(kept, held == null ? null : held.segment(), now)) {
            return Uni.createFrom().item(answer(kept.answer(), ifNoneMatch));
        }
        Map<String, String> params = firstValues(request);
        ClientContext client = ClientContextParser.parse(params, now);
        Map<String, Version> installed = InstalledVersions.parse(params.get(InstalledVersions.PARAMETER));
        if (held != null && held.segment().platform() == client.platform()) {
            return answer(held, client, installed, query, now, ifNoneMatch);
        }
        return cache.lookup(appKey, client.platform()).chain(found -> switch (found) {
            case SegmentLookup.UnknownApp unknown -> Uni.createFrom().item(unknownApp(appKey));
            case SegmentLookup.Found segment -> answer(segment, client, installed, query, now, ifNoneMatch);
        });
    }

    private Uni<Response> answer(SegmentLookup.Found segment, ClientContext client, Map<String, Version> installed,
                                 String query, Instant now, String ifNoneMatch) {
        WitnessedAudience witnessed = new WitnessedAudience(audience);
        return Resolver.resolve(segment.segment(), client, witnessed, admissions).map(resolved -> {
            EncodedAnswers.Encoded encoded = answers.of(segment.segment(), resolved, installed, nextCheckAfterSeconds);
            if (!witnessed.failed()) {
                remembered.remember(segment.segment().appKey(), query, segment.segment(), now, encoded);
            }
            return answer(encoded, ifNoneMatch);
        });
    }

    private static Response answer(EncodedAnswers.Encoded answer, String ifNoneMatch) {
        if (EntityTags.matches(ifNoneMatch, answer.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, answer.etag()).build();
        }
        return Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, answer.etag())
                .build();
    }

    /** The client API's 404 for an app it does not know (also the report endpoint's). */
    public static Response unknownApp(String appKey) {
        return Response.status(Response.Status.NOT_FOUND).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(404, "Not Found", "no app '" + shortened(appKey) + "' is registered")).build();
    }

    private static Map<String, String> firstValues(HttpServerRequest request) {
        Map<String, String> params = new HashMap<>();
        request.params().forEach(entry -> params.putIfAbsent(entry.getKey(), entry.getValue()));
        return params;
    }

    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
