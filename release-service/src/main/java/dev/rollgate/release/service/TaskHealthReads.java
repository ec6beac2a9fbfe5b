package dev.rollgate.release.service;

import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.release.domain.HealthCounts;
import dev.rollgate.release.domain.SafeguardVerdict;
import dev.rollgate.release.domain.TaskHealth;
import dev.rollgate.release.messaging.HealthStores;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.state.HostInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A task's health: its counts from the report topology, judged by its safeguard, from the instance counting it. */
@ApplicationScoped
public class TaskHealthReads {

    static final int SERIES_MINUTES = 60;
    private static final int WINDOW_WITHOUT_SAFEGUARD = 10;

    /** Marks a health read passed on by another instance, so that it is answered here or not at all. */
    public static final String FORWARDED = "X-Rollgate-Health-Forwarded";
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    private final TaskReads tasks;
    private final HealthReads health;
    private final HealthOwner owners;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TaskHealthReads(TaskReads tasks, HealthReads health, HealthOwner owners, Clock clock) {
        this.tasks = tasks;
        this.health = health;
        this.owners = owners;
        this.clock = clock;
    }

    /**
     * The task's health from the instance that counts it: here, or passed on to it with the caller's token.
     *
     * @param forwarded whether another instance passed this read on (then it is answered here, or 503)
     */
    public Uni<Response> health(String appKey, String taskId, String authorization, boolean forwarded) {
        return tasks.detail(appKey, taskId).chain(task -> {
            Optional<HostInfo> owner = owners.elsewhere(taskId);
            if (owner.isEmpty()) {
                return Uni.createFrom().item(Response.ok(view(task, clock.instant())).build());
            }
            if (forwarded) {
                throw new HealthUnavailableException(new IllegalStateException("the task's partition is moving"));
            }
            return forward(owner.get(), appKey, taskId, authorization);
        });
    }

    private Uni<Response> forward(HostInfo owner, String appKey, String taskId, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port()
                        + "/api/v1/apps/" + appKey + "/release-tasks/" + taskId + "/health"))
                .timeout(FORWARD_TIMEOUT).header(FORWARDED, "1").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                .map(answer -> Response.status(answer.statusCode())
                        .type(answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON))
                        .entity(answer.body()).build())
                .onFailure().transform(HealthUnavailableException::new);
    }

    private TaskHealthView view(TaskView task, Instant now) {
        TaskHealth total = health.total(task.taskId());
        Safeguard safeguard = task.safeguard();
        int windowMinutes = safeguard == null ? WINDOW_WITHOUT_SAFEGUARD : safeguard.windowMinutes();
        HealthCounts window = health.window(task.taskId(), windowMinutes, now);
        Boolean tripped = safeguard == null ? null : SafeguardVerdict.of(safeguard, window).tripped();
        return new TaskHealthView(task.taskId(), TaskHealthView.Devices.of(total.total()), total.failuresByReason(),
                total.total().failureRate(), new TaskHealthView.Window(windowMinutes, window.reporting(),
                window.failed(), window.failureRate(), tripped), safeguard, series(task.taskId(), now));
    }

    /** The last hour, a point a minute, zeros included, so that a chart needs no gap filling. */
    private List<TaskHealthView.Minute> series(String taskId, Instant now) {
        long last = HealthStores.epochMinute(now);
        long first = last - SERIES_MINUTES + 1;
        Map<Long, HealthCounts> counted = new HashMap<>();
        health.minutes(taskId, first, last).forEach(minute -> counted.put(minute.epochMinute(), minute.counts()));
        List<TaskHealthView.Minute> series = new ArrayList<>(SERIES_MINUTES);
        for (long minute = first; minute <= last; minute++) {
            series.add(new TaskHealthView.Minute(Instant.ofEpochSecond(minute * 60),
                    TaskHealthView.Devices.of(counted.getOrDefault(minute, HealthCounts.empty()))));
        }
        return series;
    }
}
