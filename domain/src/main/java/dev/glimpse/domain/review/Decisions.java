package dev.glimpse.domain.review;

import dev.glimpse.domain.support.Texts;
import dev.glimpse.domain.task.Actor;
import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskPriority;
import dev.glimpse.domain.task.TaskVerb;
import java.time.Instant;

/** How a person's decision about an item enters the audit trail of the item's task. */
final class Decisions {

  private Decisions() {}

  /**
   * One audit-trail entry for a person's acceptance ({@code approved}, {@code edited}): the task
   * takes the approve verb where its state allows it, and records a step otherwise (it is still
   * working, or failed). Nothing is recorded for an item without a task.
   */
  static void accepted(AiTask task, Actor actor, String step, String message, Instant now) {
    if (task == null) {
      return;
    }
    if (TaskVerb.APPROVE.allowedFrom(task.status())) {
      task.approve(actor, step, message, now);
    } else {
      task.recordStep(actor, step, message, now);
    }
  }

  /**
   * One audit-trail entry for a person's rejection. When the result is to be made {@code again},
   * the task takes the reject verb (a finished result) or regenerate (a failed one) and is due at
   * once; otherwise — it is already on its way, or a person's text stands — a step records it.
   * Returns whether a new attempt was queued.
   */
  static boolean rejected(AiTask task, boolean again, Actor actor, String message, Instant now) {
    if (task == null) {
      return false;
    }
    if (again && TaskVerb.REJECT.allowedFrom(task.status())) {
      task.reject(actor, message, now);
      return true;
    }
    if (again && TaskVerb.REGENERATE.allowedFrom(task.status())) {
      task.regenerate(actor, TaskPriority.HIGH, now);
      return true;
    }
    task.recordStep(actor, "rejected", message, now);
    return false;
  }

  /** What was decided, followed by the person's note when there is one. */
  static String withNote(String what, String note) {
    return Texts.isBlank(note) ? what : what + ": " + note.strip();
  }
}
