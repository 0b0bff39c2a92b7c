package dev.glimpse.web.api;

import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskEvent;
import java.util.List;
import java.util.stream.Collectors;

/** Maps tasks and their audit trail to API views. */
final class TaskAssembler {

  private TaskAssembler() {}

  static TaskView toView(AiTask task, List<TaskEvent> events) {
    return new TaskView(
        task.id(),
        task.kind().name(),
        task.kind().subjectType(),
        task.subjectId(),
        task.status().name(),
        task.priority().name(),
        task.attempts(),
        task.maxAttempts(),
        task.nextAttemptAt(),
        task.errorKind(),
        task.lastError(),
        task.lastResponse(),
        task.createdAt(),
        task.updatedAt(),
        events == null
            ? null
            : events.stream().map(TaskAssembler::toView).collect(Collectors.toList()));
  }

  private static TaskView.Event toView(TaskEvent event) {
    return new TaskView.Event(
        event.at(),
        event.fromStatus() == null ? null : event.fromStatus().name(),
        event.toStatus().name(),
        event.actor(),
        event.step(),
        event.message());
  }
}
