package dev.rollgate.release.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.catalog.PackageView;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * package-service's catalog API, as release-service reads it before it releases a version. The caller's
 * token goes along (see propagateHeaders): package-service checks it again, and nothing here holds a
 * token of its own.
 */
@RegisterRestClient(configKey = "package-service")
@RegisterClientHeaders
@Path("/api/v1/apps/{appKey}/packages")
@Produces(MediaType.APPLICATION_JSON)
public interface PackageCatalogClient {

    @GET
    @Path("/{packageId}/versions/{version}")
    Uni<PackageVersionView> version(@RestPath String appKey, @RestPath String packageId, @RestPath String version,
                                    @RestQuery String platform);

    @GET
    @Path("/{packageId}")
    Uni<PackageView> pkg(@RestPath String appKey, @RestPath String packageId);

    /** Answers 404 for an unknown app; the page itself is not used. */
    @GET
    Uni<String> firstPage(@RestPath String appKey, @RestQuery int size);

    /**
     * Request bodies are strict (an unknown field is refused), but another service's answers are read
     * tolerantly, so that a newer package-service may add a field without breaking this one.
     */
    @ClientObjectMapper
    static ObjectMapper answers(ObjectMapper strict) {
        return strict.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
