package dev.glimpse.domain.task;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an {@link AiTask}. The arrows between them are those of the {@link TaskVerb} table,
 * less a verb's stay in place ({@code approve} on a COMPLETED task).
 */
public enum TaskStatus {
  PENDING,
  PROCESSING,
  COMPLETED,
  FAILED,
  FLAGGED;

  /** Whether some verb moves a task from this state to {@code target}. */
  public boolean canTransitionTo(TaskStatus target) {
    return Arrows.FROM.get(this).contains(target);
  }

  /** The states reachable from this one in a single transition. */
  public Set<TaskStatus> successors() {
    return Collections.unmodifiableSet(Arrows.FROM.get(this));
  }

  /** Whether the task waits for nothing more from the batch runtime. */
  public boolean isSettled() {
    return this == COMPLETED || this == FAILED || this == FLAGGED;
  }

  /** The arrows, read from the verbs on first use (the verbs refer to these states). */
  private static final class Arrows {
    static final Map<TaskStatus, Set<TaskStatus>> FROM = new EnumMap<>(TaskStatus.class);

    static {
      for (TaskStatus status : values()) {
        FROM.put(status, EnumSet.noneOf(TaskStatus.class));
      }
      for (TaskVerb verb : TaskVerb.values()) {
        for (TaskStatus from : verb.from()) {
          if (from != verb.target()) {
            FROM.get(from).add(verb.target());
          }
        }
      }
    }
  }
}
