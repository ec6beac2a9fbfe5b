package dev.rollgate.packages.rest;

import dev.rollgate.problems.QueryValues;
import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.catalog.PackageView;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.release.VersionState;
import dev.rollgate.packages.service.Page;
import dev.rollgate.packages.service.PackageDraft;
import dev.rollgate.packages.service.PackageQuery;
import dev.rollgate.packages.service.PackageService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;

@Path("/api/v1/apps/{appKey}/packages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Packages")
public class PackageResource {

    private final PackageService packages;

    PackageResource(PackageService packages) {
        this.packages = packages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an H5 package in an app")
    public Uni<Response> register(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                                  @Valid @NotNull NewPackageRequest request) {
        PackageDraft draft = new PackageDraft(request.packageId(), request.name(), request.description(),
                request.type(), request.vhost());
        return packages.register(appKey, draft).map(view -> Response
                .created(URI.create("/api/v1/apps/" + appKey + "/packages/" + view.packageId()))
                .entity(view).build());
    }

    @GET
    @Operation(summary = "List an app's packages with the state of each one's highest version")
    public Uni<Page<PackageView>> list(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestQuery String status,
            @RestQuery @Size(max = 128) String q,
            @RestQuery String platform,
            @RestQuery String page,
            @RestQuery String size) {
        PackageQuery query = new PackageQuery(
                QueryValues.enumOrNull("status", status, VersionState.class),
                QueryValues.textOrNull("q", q),
                QueryValues.enumOrNull("platform", platform, Platform.class),
                QueryValues.intInRange("page", page, 0, 0, 100_000),
                QueryValues.intInRange("size", size, 20, 1, 100));
        return packages.list(appKey, query);
    }

    @GET
    @Path("/{packageId}")
    @Operation(summary = "A package with all its versions")
    public Uni<PackageView> detail(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.PACKAGE_ID, message = IdPatterns.PACKAGE_ID_MESSAGE) String packageId) {
        return packages.detail(appKey, packageId);
    }
}
