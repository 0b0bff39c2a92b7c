package dev.glimpse.domain.task;

/** Thrown when a task is asked to take a verb that its state does not allow. */
public class IllegalTaskTransitionException extends IllegalStateException {

  private final TaskVerb verb;
  private final TaskStatus from;

  public IllegalTaskTransitionException(String taskId, TaskVerb verb, TaskStatus from) {
    super(
        "Task(id="
            + taskId
            + ") cannot "
            + verb.label()
            + " from "
            + from
            + " (only from "
            + verb.from()
            + ")");
    this.verb = verb;
    this.from = from;
  }

  public TaskVerb verb() {
    return verb;
  }

  public TaskStatus from() {
    return from;
  }

  public TaskStatus to() {
    return verb.target();
  }
}
