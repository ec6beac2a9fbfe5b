package dev.rollgate.release.service;

import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.problem.Problem;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.release.domain.DependencyUnavailableException;
import dev.rollgate.contracts.problem.UnknownResourceException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * package-service as this service needs it: its 404 becomes ours, and anything else that goes wrong
 * (refused, too slow, a 5xx) is a 503 that names package-service, so a command writes nothing.
 */
@ApplicationScoped
public class PackageCatalog {

    private static final String NAME = "package-service";

    private final PackageCatalogClient client;

    PackageCatalog(@RestClient PackageCatalogClient client) {
        this.client = client;
    }

    public Uni<PackageVersionView> version(String appKey, String packageId, String version, Platform platform) {
        return client.version(appKey, packageId, version, platform.name()).onFailure().transform(this::translate);
    }

    public Uni<PackageView> pkg(String appKey, String packageId) {
        return client.pkg(appKey, packageId).onFailure().transform(this::translate);
    }

    public Uni<Void> requireApp(String appKey) {
        return client.firstPage(appKey, 1).onFailure().transform(this::translate).replaceWithVoid();
    }

    private RuntimeException translate(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404) {
            return new UnknownResourceException(detail(web));
        }
        return new DependencyUnavailableException(NAME, failure);
    }

    private static String detail(WebApplicationException web) {
        try {
            Problem problem = web.getResponse().readEntity(Problem.class);
            if (problem != null && problem.detail() != null) {
                return problem.detail();
            }
        } catch (RuntimeException e) {
            // No problem body: say what we know.
        }
        return "not found in package-service";
    }
}
