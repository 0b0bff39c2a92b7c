package dev.glimpse.domain.task;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an {@link AiTask} and the one table of transitions between them.
 *
 * <pre>
 *  PENDING ──claim──▶ PROCESSING ──▶ COMPLETED | FLAGGED | FAILED
 *     ▲                   │ transient error with attempts left, or lease expired
 *     └───────────────────┘
 *  COMPLETED ──regenerate──▶ PENDING      FLAGGED ──approve/edit──▶ COMPLETED
 *  FLAGGED ──requeue──▶ PENDING           FAILED ──requeue──▶ PENDING
 * </pre>
 */
public enum TaskStatus {
  PENDING,
  PROCESSING,
  COMPLETED,
  FAILED,
  FLAGGED;

  private static final Map<TaskStatus, Set<TaskStatus>> ALLOWED = new EnumMap<>(TaskStatus.class);

  static {
    ALLOWED.put(PENDING, EnumSet.of(PROCESSING));
    ALLOWED.put(PROCESSING, EnumSet.of(COMPLETED, FLAGGED, FAILED, PENDING));
    ALLOWED.put(COMPLETED, EnumSet.of(PENDING));
    ALLOWED.put(FLAGGED, EnumSet.of(COMPLETED, PENDING));
    ALLOWED.put(FAILED, EnumSet.of(PENDING));
  }

  /** Whether the state machine allows moving from this state to {@code target}. */
  public boolean canTransitionTo(TaskStatus target) {
    return ALLOWED.get(this).contains(target);
  }

  /** The states reachable from this one in a single transition. */
  public Set<TaskStatus> successors() {
    return Collections.unmodifiableSet(ALLOWED.get(this));
  }

  /** Whether the task waits for nothing more from the batch runtime. */
  public boolean isSettled() {
    return this == COMPLETED || this == FAILED || this == FLAGGED;
  }
}
