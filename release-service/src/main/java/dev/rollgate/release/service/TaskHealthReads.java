package dev.rollgate.release.service;

import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.release.domain.HealthCounts;
import dev.rollgate.release.domain.SafeguardVerdict;
import dev.rollgate.release.domain.TaskHealth;
import dev.rollgate.release.messaging.HealthStores;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A task's health: its counts from the report topology, judged by its safeguard. */
@ApplicationScoped
public class TaskHealthReads {

    static final int SERIES_MINUTES = 60;
    private static final int WINDOW_WITHOUT_SAFEGUARD = 10;

    private final TaskReads tasks;
    private final HealthReads health;
    private final Clock clock;

    TaskHealthReads(TaskReads tasks, HealthReads health, Clock clock) {
        this.tasks = tasks;
        this.health = health;
        this.clock = clock;
    }

    public Uni<TaskHealthView> health(String appKey, String taskId) {
        return tasks.detail(appKey, taskId).map(task -> view(task, clock.instant()));
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
