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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The client API: which package versions this client should run. Answers from the near cache and Redis
 * only; never waits on PostgreSQL or Kafka.
 */
@Path("/client/v1/apps/{appKey}/packages")
@Tag(name = "Client API")
public class ClientPackagesResource {

    private final SegmentCache cache;
    private final RedisAudience audience;
    private final AdmissionCache admissions;
    private final EncodedAnswers answers;
    private final int nextCheckAfterSeconds;

    ClientPackagesResource(SegmentCache cache, RedisAudience audience, AdmissionCache admissions,
                           EncodedAnswers answers, GatewayConfig config) {
        this.cache = cache;
        this.audience = audience;
        this.admissions = admissions;
        this.answers = answers;
        this.nextCheckAfterSeconds = config.nextCheckAfterSeconds();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The package versions a client should run (query: platform, clientVersion, userId, "
            + "deviceId, city, model, network, osVersion, attr.<name>, packageIds, installed)")
    public Uni<Response> packages(@RestPath String appKey, HttpServerRequest request,
                                  @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!IdPatterns.isAppKey(appKey)) {
            return Uni.createFrom().item(unknownApp(appKey));
        }
        Map<String, String> params = firstValues(request);
        ClientContext client = ClientContextParser.parse(params, Instant.now());
        Map<String, Version> installed = InstalledVersions.parse(params.get(InstalledVersions.PARAMETER));
        return cache.lookup(appKey, client.platform()).chain(lookup -> switch (lookup) {
            case SegmentLookup.UnknownApp unknown -> Uni.createFrom().item(unknownApp(appKey));
            case SegmentLookup.Found found -> Resolver.resolve(found.segment(), client, audience, admissions)
                    .map(resolved -> answer(answers.of(found.segment(), resolved, installed, nextCheckAfterSeconds),
                            ifNoneMatch));
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
