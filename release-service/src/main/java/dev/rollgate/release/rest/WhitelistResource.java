package dev.rollgate.release.rest;

import dev.rollgate.problems.QueryValues;
import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.release.domain.MemberIds;
import dev.rollgate.release.service.MemberPage;
import dev.rollgate.release.service.WhitelistService;
import dev.rollgate.release.service.WhitelistSummary;
import dev.rollgate.security.Actors;
import dev.rollgate.security.ConsoleAccessFilter;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;

@Path("/api/v1/apps/{appKey}/whitelists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Whitelists")
public class WhitelistResource {

    private final WhitelistService whitelists;

    WhitelistResource(WhitelistService whitelists) {
        this.whitelists = whitelists;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a whitelist of user ids or device ids")
    public Uni<Response> create(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                                @Valid @NotNull NewWhitelistRequest request, @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        return whitelists.create(appKey, request.name().strip(), request.idType(), Actors.named(actor))
                .map(whitelist -> Response.created(URI.create("/api/v1/apps/" + appKey + "/whitelists/"
                        + whitelist.whitelistId())).entity(whitelist).build());
    }

    @GET
    @Operation(summary = "An app's whitelists with their member counts")
    public Uni<List<WhitelistSummary>> list(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey) {
        return whitelists.list(appKey);
    }

    @GET
    @Path("/{whitelistId}")
    @Operation(summary = "One whitelist with its member count")
    public Uni<WhitelistSummary> detail(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String whitelistId) {
        return whitelists.detail(appKey, whitelistId);
    }

    @DELETE
    @Path("/{whitelistId}")
    @Operation(summary = "Delete a whitelist that no active task uses")
    public Uni<Response> delete(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                                @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String whitelistId,
                                @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        return whitelists.delete(appKey, whitelistId, Actors.named(actor)).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{whitelistId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add up to 100,000 ids: {\"ids\":[...]}")
    public Uni<MembersAdded> add(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                                 @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String whitelistId,
                                 @NotNull MembersRequest request, @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        return whitelists.add(appKey, whitelistId, MemberIds.checked(request.ids()), Actors.named(actor))
                .map(change -> new MembersAdded(change.changed(), change.total()));
    }

    @POST
    @Path("/{whitelistId}/members")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Add up to 100,000 ids, one a line (CSV: the first column)")
    public Uni<MembersAdded> addText(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String whitelistId,
            String body, @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        return whitelists.add(appKey, whitelistId, MemberIds.checked(MemberIds.fromText(body == null ? "" : body)),
                Actors.named(actor)).map(change -> new MembersAdded(change.changed(), change.total()));
    }

    @DELETE
    @Path("/{whitelistId}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove ids: {\"ids\":[...]}")
    public Uni<MembersRemoved> remove(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String whitelistId,
            @NotNull MembersRequest request, @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        return whitelists.remove(appKey, whitelistId, MemberIds.checked(request.ids()), Actors.named(actor))
                .map(change -> new MembersRemoved(change.changed(), change.total()));
    }

    @GET
    @Path("/{whitelistId}/members")
    @Operation(summary = "A page of member ids in id order; pass nextCursor as cursor for the next")
    public Uni<MemberPage> members(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String whitelistId,
            @RestQuery @Pattern(regexp = "[A-Za-z0-9_-]{1,200}", message = "is not a cursor this API gave") String cursor,
            @RestQuery String size) {
        return whitelists.members(appKey, whitelistId, cursor, QueryValues.intInRange("size", size, 1000, 1, 10_000));
    }
}
