package dev.glimpse.web.events;

import dev.glimpse.domain.events.TaskChange;
import java.time.Instant;

/** The data of a {@code task} event on the stream. */
public record TaskChangeView(
    String taskId, String kind, String subjectType, String subjectId, String status, Instant at) {

  static TaskChangeView of(TaskChange change) {
    return new TaskChangeView(
        change.taskId(),
        change.kind(),
        change.subjectType(),
        change.subjectId(),
        change.status(),
        change.at());
  }
}
