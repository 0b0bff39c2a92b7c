package dev.glimpse.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A task as the API shows it; with its audit trail ({@code events}) when shown alone. {@code
 * heldBack} says why a PENDING task is not being worked on (its provider paused, or its budget
 * reached), else null.
 */
public record TaskView(
    String id,
    String kind,
    String subjectType,
    String subjectId,
    String status,
    String priority,
    int attempts,
    int maxAttempts,
    Instant nextAttemptAt,
    String errorKind,
    String lastError,
    String lastResponse,
    String heldBack,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> events) {

  /** One line of the audit trail. */
  public record Event(
      Instant at, String from, String to, String actor, String step, String message) {}
}
