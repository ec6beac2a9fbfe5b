package dev.rollgate.packages.rest;

import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.problems.QueryValues;
import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.catalog.PackageVersionView;
import dev.rollgate.contracts.release.Platform;
import dev.rollgate.contracts.version.Version;
import dev.rollgate.packages.domain.VersionDraft;
import dev.rollgate.packages.service.PackageUpload;
import dev.rollgate.packages.service.VersionService;
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

@Path("/api/v1/apps/{appKey}/packages/{packageId}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Versions")
public class VersionResource {

    private final VersionService versions;
    private final PackageUpload upload;

    VersionResource(VersionService versions, PackageUpload upload) {
        this.versions = versions;
        this.upload = upload;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a version of a package on one platform; it starts in TO_BE_RELEASED")
    public Uni<Response> register(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.PACKAGE_ID, message = IdPatterns.PACKAGE_ID_MESSAGE) String packageId,
            @Valid @NotNull NewVersionRequest request) {
        return versions.register(appKey, packageId, request.draft()).map(view -> created(appKey, packageId, view));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Register a version with its zip (form fields as in the JSON registration, the zip as "
            + "'file'): checked, hashed, stored, diffed from earlier versions and signed by the server")
    public Uni<Response> upload(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.PACKAGE_ID, message = IdPatterns.PACKAGE_ID_MESSAGE) String packageId,
            VersionUploadForm form) {
        VersionDraft fields = form.draft();
        return upload.register(appKey, packageId, fields, form.file.uploadedFile(), form.file.size())
                .map(view -> created(appKey, packageId, view));
    }

    private static Response created(String appKey, String packageId, PackageVersionView view) {
        return Response.created(URI.create("/api/v1/apps/" + appKey + "/packages/" + packageId + "/versions/"
                + view.version() + "?platform=" + view.platform())).entity(view).build();
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "One version on one platform, with its state")
    public Uni<PackageVersionView> detail(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.PACKAGE_ID, message = IdPatterns.PACKAGE_ID_MESSAGE) String packageId,
            @RestPath @Size(max = Version.MAX_LENGTH) String version,
            @RestQuery String platform) {
        Platform parsedPlatform = QueryValues.enumOrNull("platform", platform, Platform.class);
        if (parsedPlatform == null) {
            throw InvalidInputException.of("platform", "is required: ANDROID or IOS");
        }
        Version parsedVersion = Version.parseOrNull(version);
        if (parsedVersion == null) {
            throw InvalidInputException.of("version", "is not a version: " + version);
        }
        return versions.detail(appKey, packageId, parsedVersion, parsedPlatform);
    }
}
