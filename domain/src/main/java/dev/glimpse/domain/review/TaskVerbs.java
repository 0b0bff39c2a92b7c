package dev.glimpse.domain.review;

import dev.glimpse.domain.task.AiTask;
import dev.glimpse.domain.task.TaskVerb;

/** Which of a person's decisions a task can take as a transition, rather than as a step. */
final class TaskVerbs {

  private TaskVerbs() {}

  static boolean canApprove(AiTask task) {
    return TaskVerb.APPROVE.allowedFrom(task.status());
  }

  static boolean canReject(AiTask task) {
    return TaskVerb.REJECT.allowedFrom(task.status());
  }
}
