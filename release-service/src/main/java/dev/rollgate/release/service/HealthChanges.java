package dev.rollgate.release.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tasks whose counts moved since the safeguard last looked: the report topology adds, the watch takes.
 * A set, so a task reported on a thousand times between two looks is judged once.
 */
@ApplicationScoped
public class HealthChanges {

    public record ChangedTask(String appKey, String taskId) {
    }

    private final Set<ChangedTask> changed = ConcurrentHashMap.newKeySet();

    public void changed(String appKey, String taskId) {
        changed.add(new ChangedTask(appKey, taskId));
    }

    /** Those changed, each once; a task changed again meanwhile is in the next batch. */
    List<ChangedTask> take() {
        List<ChangedTask> taken = new ArrayList<>();
        for (ChangedTask task : changed) {
            if (changed.remove(task)) {
                taken.add(task);
            }
        }
        return taken;
    }

    void again(ChangedTask task) {
        changed.add(task);
    }
}
