package dev.rollgate.release.service;

import dev.rollgate.contracts.release.Safeguard;
import dev.rollgate.contracts.release.TaskState;
import dev.rollgate.release.domain.HealthCounts;
import dev.rollgate.contracts.problem.ConflictException;
import dev.rollgate.release.domain.SafeguardVerdict;
import dev.rollgate.release.domain.TaskCommand;
import dev.rollgate.contracts.problem.UnknownResourceException;
import dev.rollgate.release.service.HealthChanges.ChangedTask;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Pauses a releasing task whose devices fail more than its safeguard allows, as the actor {@code safeguard},
 * with the figures as the pause's reason: clients then fall back through the usual path, and the audit trail
 * says why. It looks at the tasks whose counts moved, a few times a second. After a release manager resumes
 * a task, only what devices report after that counts.
 */
@ApplicationScoped
public class SafeguardWatch {

    public static final String ACTOR = "safeguard";
    private static final Logger LOG = Logger.getLogger(SafeguardWatch.class);
    private static final long LOOK_EVERY_MILLIS = 200;

    private final HealthChanges changes;
    private final HealthReads health;
    private final TaskReads reads;
    private final TaskCommands commands;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;

    SafeguardWatch(HealthChanges changes, HealthReads health, TaskReads reads, TaskCommands commands, Clock clock) {
        this.changes = changes;
        this.health = health;
        this.reads = reads;
        this.commands = commands;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("safeguard-watch").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(LOOK_EVERY_MILLIS);
                for (ChangedTask task : changes.take()) {
                    judge(task);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("the safeguard watch goes on after: %s", e.toString());
            }
        }
    }

    private void judge(ChangedTask changed) throws InterruptedException {
        try {
            TaskView task = VertxContextSupport.subscribeAndAwait(() -> reads.detail(changed.appKey(), changed.taskId()));
            if (task.state() != TaskState.RELEASING || task.safeguard() == null) {
                return;
            }
            Safeguard safeguard = task.safeguard();
            Instant now = clock.instant();
            SafeguardVerdict verdict = SafeguardVerdict.of(safeguard, window(task, safeguard, now));
            if (!verdict.tripped()) {
                return;
            }
            LOG.warnf("task %s of app %s: %s", task.taskId(), task.appKey(), verdict.reason());
            VertxContextSupport.subscribeAndAwait(() -> commands.apply(task.appKey(), task.taskId(), TaskCommand.PAUSE,
                    task.streamVersion(), ACTOR, verdict.reason()));
        } catch (UnknownResourceException e) {
            LOG.debugf("reports name task %s, which app %s does not have", changed.taskId(), changed.appKey());
        } catch (ConflictException | HealthUnavailableException e) {
            // The task moved meanwhile, or the counts are being restored: judge it again on the next look.
            changes.again(changed);
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            changes.again(changed);
            LOG.warnf("task %s could not be judged yet: %s", changed.taskId(), e.toString());
        }
    }

    /** The window's minutes, from the minute after the task last changed (a deliberate resume starts afresh). */
    private HealthCounts window(TaskView task, Safeguard safeguard, Instant now) {
        Instant lastChange = task.updatedAt();
        boolean changedSinceCreation = !lastChange.equals(task.createdAt());
        Instant windowStart = now.minus(safeguard.windowDuration()).plus(1, ChronoUnit.MINUTES);
        Instant from = changedSinceCreation && lastChange.plus(1, ChronoUnit.MINUTES).isAfter(windowStart)
                ? lastChange.plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES) : windowStart;
        int minutes = (int) Math.max(0, ChronoUnit.MINUTES.between(from.truncatedTo(ChronoUnit.MINUTES),
                now.truncatedTo(ChronoUnit.MINUTES)) + 1);
        return minutes == 0 ? HealthCounts.empty() : health.window(task.taskId(), minutes, now);
    }
}
