package dev.rollgate.release.service;

import dev.rollgate.contracts.release.TaskState;

/** The task list's filters (null for any) and page (0-based). */
public record TaskQuery(String packageId, TaskState state, int page, int size) {
}
