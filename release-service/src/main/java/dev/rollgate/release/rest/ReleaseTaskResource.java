package dev.rollgate.release.rest;

import dev.rollgate.problems.QueryValues;
import dev.rollgate.contracts.id.IdPatterns;
import dev.rollgate.contracts.release.TaskState;
import dev.rollgate.contracts.problem.InvalidInputException;
import dev.rollgate.release.domain.TaskCommand;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.release.service.Page;
import dev.rollgate.release.service.TaskCommands;
import dev.rollgate.release.service.TaskCreation;
import dev.rollgate.release.service.TaskEventView;
import dev.rollgate.release.service.TaskHealthReads;
import dev.rollgate.release.service.TaskHealthView;
import dev.rollgate.release.service.TaskQuery;
import dev.rollgate.release.service.TaskReads;
import dev.rollgate.release.service.TaskView;
import dev.rollgate.security.Actors;
import dev.rollgate.security.ConsoleAccessFilter;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;

@Path("/api/v1/apps/{appKey}/release-tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Release tasks")
public class ReleaseTaskResource {

    private final TaskCreation creation;
    private final TaskCommands commands;
    private final TaskReads reads;
    private final TaskHealthReads health;

    ReleaseTaskResource(TaskCreation creation, TaskCommands commands, TaskReads reads, TaskHealthReads health) {
        this.creation = creation;
        this.commands = commands;
        this.reads = reads;
        this.health = health;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release one version of a package, grayscale or official")
    public Uni<Response> create(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                                @Valid @NotNull NewTaskRequest request, @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        return creation.create(appKey, request.draft(), Actors.named(actor)).map(task -> Response
                .created(URI.create("/api/v1/apps/" + appKey + "/release-tasks/" + task.taskId()))
                .tag(etag(task)).entity(task).build());
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release the highest version of each of several packages; all tasks or none")
    public Uni<Response> batch(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                               @Valid @NotNull NewBatchRequest request, @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        return creation.batch(appKey, request.draft(), Actors.named(actor))
                .map(tasks -> Response.status(Response.Status.CREATED).entity(new TaskList(tasks)).build());
    }

    @GET
    @Operation(summary = "List an app's release tasks, newest first")
    public Uni<Page<TaskView>> list(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                                    @RestQuery @Pattern(regexp = IdPatterns.PACKAGE_ID, message = IdPatterns.PACKAGE_ID_MESSAGE)
                                    String packageId,
                                    @RestQuery String state, @RestQuery String page, @RestQuery String size) {
        return reads.list(appKey, new TaskQuery(packageId, QueryValues.enumOrNull("state", state, TaskState.class),
                QueryValues.intInRange("page", page, 0, 0, 100_000), QueryValues.intInRange("size", size, 20, 1, 100)));
    }

    @GET
    @Path("/{taskId}")
    @Operation(summary = "A release task with its state and stream version (also its ETag)")
    public Uni<Response> detail(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                                @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String taskId) {
        return reads.detail(appKey, taskId).map(task -> Response.ok(task).tag(etag(task)).build());
    }

    @GET
    @Path("/{taskId}/events")
    @Operation(summary = "The task's events, oldest first: its audit trail")
    public Uni<List<TaskEventView>> events(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String taskId) {
        return reads.events(appKey, taskId);
    }

    @GET
    @Path("/{taskId}/health")
    @Operation(summary = "How the task's version fares on devices: devices per outcome, failure rate, the "
            + "safeguard's window, the last hour by minute")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TaskHealthView.class)))
    public Uni<Response> health(
            @RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
            @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String taskId,
            @RestHeader("Authorization") String authorization,
            @RestHeader(TaskHealthReads.FORWARDED) String forwarded) {
        return health.health(appKey, taskId, authorization, forwarded != null);
    }

    @POST
    @Path("/{taskId}/{command}")
    @Operation(summary = "pause, resume, promote, finish or cancel a task; If-Match: \"<streamVersion>\" guards it")
    public Uni<Response> command(@RestPath @Pattern(regexp = IdPatterns.APP_KEY, message = IdPatterns.APP_KEY_MESSAGE) String appKey,
                                 @RestPath @Pattern(regexp = IdPatterns.UUID, message = IdPatterns.UUID_MESSAGE) String taskId,
                                 @RestPath String command, @RestHeader("If-Match") String ifMatch,
                                 @RestHeader(ConsoleAccessFilter.ACTOR_HEADER) String actor) {
        TaskCommand parsed = TaskCommand.ofPath(command);
        if (parsed == null) {
            throw new UnknownResourceException("no command '" + command + "': pause, resume, promote, finish or cancel");
        }
        return commands.apply(appKey, taskId, parsed, expectedVersion(ifMatch), Actors.named(actor))
                .map(task -> Response.ok(task).tag(etag(task)).build());
    }

    private static EntityTag etag(TaskView task) {
        return new EntityTag(Long.toString(task.streamVersion()));
    }

    /** {@code "3"}, {@code W/"3"} or a bare {@code 3}; absent means no precondition. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("If-Match", "must be the task's ETag, such as \"3\"");
        }
    }
}
