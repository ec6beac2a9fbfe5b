package dev.rollgate.release.rest;

import dev.rollgate.release.service.TaskView;

import java.util.List;

/** The batch answer: every task the batch created. */
public record TaskList(List<TaskView> tasks) {
}
