package dev.glimpse.domain.task;

/** Thrown when a task is asked to move between two states the state machine does not connect. */
public class IllegalTaskTransitionException extends IllegalStateException {

  private final TaskStatus from;
  private final TaskStatus to;

  public IllegalTaskTransitionException(String taskId, TaskStatus from, TaskStatus to) {
    super("Task(id=" + taskId + ") cannot go from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  public TaskStatus from() {
    return from;
  }

  public TaskStatus to() {
    return to;
  }
}
