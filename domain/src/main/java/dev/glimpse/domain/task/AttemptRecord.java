package dev.glimpse.domain.task;

import java.util.List;

/**
 * What one attempt leaves for diagnosis: its steps for the audit trail, and the model's last raw
 * answer (bounded, with secrets already removed), or null when no model answered.
 */
public record AttemptRecord(List<TaskStep> steps, String response) {

  public AttemptRecord {
    steps = List.copyOf(steps);
  }
}
