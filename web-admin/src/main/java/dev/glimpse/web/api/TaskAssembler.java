package dev.glimpse.web.api;

import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskEvent;
import dev.glimpse.domain.task.TaskStatus;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Maps tasks and their audit trail to API views. */
final class TaskAssembler {

  private TaskAssembler() {}

  /**
   * {@code task} as the API shows it, with {@code events} (null: without its audit trail); {@code
   * heldBack} is why the provider's work waits, if it does.
   */
  static TaskView toView(AiTask task, List<TaskEvent> events, Optional<String> heldBack) {
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
        task.status() == TaskStatus.PENDING ? heldBack.orElse(null) : null,
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
